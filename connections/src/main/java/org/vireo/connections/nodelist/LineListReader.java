package org.vireo.connections.nodelist;

/**
 * Plain host lists and URI lists: one entry per line, {@code #} comments and blank lines skipped.
 * A plain list also takes full URIs, so a hand-made list may mix both.
 */
final class LineListReader {
    private LineListReader() {
    }

    static void read(String text, boolean urisOnly, ReadContext context) {
        TextLines lines = new TextLines(text, NodeListParser.MAX_LINE_CHARS);
        while (lines.next()) {
            if (lines.tooLong()) {
                context.row(Candidate.invalid(lines.number(), lines.preview(), lines.tooLongReason()));
                continue;
            }
            String line = withoutComment(lines.text()).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains("://")) {
                context.row(Candidate.uri(lines.number(), line, line));
            } else if (urisOnly) {
                context.row(Candidate.invalid(lines.number(), line,
                        "'" + NodeAddress.shown(line) + "' is not a libvirt URI (expected driver[+transport]://[user@]host/path)"));
            } else {
                context.row(Candidate.host(lines.number(), line, line));
            }
        }
    }

    /** Cuts a comment: a line starting with '#', or '#' after whitespace. */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
