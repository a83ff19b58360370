package org.vireo.connections.nodelist;

/**
 * Walks the lines of a text (LF or CRLF) without copying it: a line's text is only cut out when it
 * is within the length limit, so a 10 MB line costs one scan and no second giant string.
 */
final class TextLines {
    private static final int PREVIEW_CHARS = 80;

    private final String text;
    private final int maxChars;
    private int position;
    private int number;
    private int start;
    private int end;

    TextLines(String text, int maxChars) {
        this.text = text;
        this.maxChars = maxChars;
    }

    boolean next() {
        if (position >= text.length()) {
            return false;
        }
        number++;
        start = position;
        int newline = text.indexOf('\n', position);
        int stop = newline < 0 ? text.length() : newline;
        position = newline < 0 ? text.length() : newline + 1;
        end = stop > start && text.charAt(stop - 1) == '\r' ? stop - 1 : stop;
        return true;
    }

    int number() {
        return number;
    }

    int length() {
        return end - start;
    }

    boolean tooLong() {
        return length() > maxChars;
    }

    /** The line without its line ending; only for lines within the limit. */
    String text() {
        if (tooLong()) {
            throw new IllegalStateException("line " + number + " is over the limit; use preview()");
        }
        return text.substring(start, end);
    }

    /** The start of the line, for showing an overlong one. */
    String preview() {
        return length() <= PREVIEW_CHARS ? text.substring(start, end) : text.substring(start, start + PREVIEW_CHARS) + "...";
    }

    String tooLongReason() {
        return "line is " + length() + " characters long (at most " + maxChars + ")";
    }
}
