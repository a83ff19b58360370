package org.vireo.connections.nodelist;

import java.util.Objects;
import java.util.UUID;
import org.vireo.connections.store.ConnectionEntry;

/**
 * One row of the import preview: where it came from, the connection it becomes, and its status.
 *
 * @param line        1-based line number in the file
 * @param raw         the row's text as read (shortened for overlong lines)
 * @param uri         the resulting libvirt URI, null when the row is invalid before a URI could be built
 * @param group       folder in the host tree, null for top level
 * @param user        SSH user put into the URI, null for none (SSH config / default)
 * @param port        SSH port put into the URI, 0 for the default
 * @param jump        SSH jump host(s), null for none
 * @param name        display name, null for the URI's host
 * @param reason      why the row is INVALID or DUPLICATE_IN_FILE; null otherwise
 */
public record NodeEntry(int line, String raw, String uri, String group, String user, int port, String jump,
                        boolean autoconnect, boolean readOnly, String name, NodeStatus status, String reason) {
    public NodeEntry {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(status, "status");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
        if (status == NodeStatus.INVALID && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an invalid row needs a reason (line " + line + ")");
        }
        if (status != NodeStatus.INVALID && uri == null) {
            throw new IllegalArgumentException("a valid row needs a URI (line " + line + ")");
        }
    }

    static NodeEntry invalid(int line, String raw, String reason) {
        return new NodeEntry(line, raw, null, null, null, 0, null, false, false, null, NodeStatus.INVALID, reason);
    }

    NodeEntry withStatus(NodeStatus newStatus, String newReason) {
        return new NodeEntry(line, raw, uri, group, user, port, jump, autoconnect, readOnly, name, newStatus, newReason);
    }

    /** The saved connection this row becomes, with a fresh id. */
    public ConnectionEntry toConnectionEntry() {
        if (status == NodeStatus.INVALID) {
            throw new IllegalStateException("line " + line + " is invalid: " + reason);
        }
        return new ConnectionEntry(UUID.randomUUID().toString(), uri, name, group, autoconnect, readOnly, jump);
    }
}
