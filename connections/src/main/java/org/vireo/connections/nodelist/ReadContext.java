package org.vireo.connections.nodelist;

import java.util.ArrayList;
import java.util.List;

/** What a format reader produces: rows, problems with the file, and notes about what it skipped. */
final class ReadContext {
    final List<Candidate> rows = new ArrayList<>();
    final List<FileMessage> problems = new ArrayList<>();
    final List<FileMessage> notes = new ArrayList<>();

    void row(Candidate candidate) {
        rows.add(candidate);
    }

    void problem(int line, String text) {
        problems.add(new FileMessage(line, text));
    }

    void note(int line, String text) {
        notes.add(new FileMessage(line, text));
    }
}
