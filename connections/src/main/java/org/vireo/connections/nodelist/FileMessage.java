package org.vireo.connections.nodelist;

/**
 * A problem or note about the file as a whole or about a line that yields no row.
 *
 * @param line 1-based line number, 0 when it concerns the whole file
 */
public record FileMessage(int line, String text) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + text : text;
    }
}
