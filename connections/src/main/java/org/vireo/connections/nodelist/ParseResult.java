package org.vireo.connections.nodelist;

import java.util.List;
import org.vireo.connections.store.ConnectionEntry;

/**
 * The outcome of reading a node list: one row per entry in file order, plus what concerns the file
 * as a whole.
 *
 * @param format            the format the file was read as
 * @param entries           one row per distinct entry (exact repeats collapsed, see collapsedRepeats)
 * @param problems          errors about the file (binary, empty, unknown CSV columns, broken XML...)
 * @param notes             information about what was skipped on purpose (SSH config patterns...)
 * @param collapsedRepeats  lines that repeated an earlier line word for word and were merged into
 *                          it, as batch schedulers write one line per reserved core
 */
public record ParseResult(NodeListFormat format, List<NodeEntry> entries, List<FileMessage> problems,
                          List<FileMessage> notes, int collapsedRepeats) {
    public ParseResult {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public long count(NodeStatus status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }

    /** True when some row is invalid or the file has a problem. */
    public boolean hasErrors() {
        return !problems.isEmpty() || count(NodeStatus.INVALID) > 0;
    }

    /** The connections to save: one per NEW row, in file order. */
    public List<ConnectionEntry> entriesToAdd() {
        return entries.stream().filter(e -> e.status() == NodeStatus.NEW).map(NodeEntry::toConnectionEntry).toList();
    }
}
