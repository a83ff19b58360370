package org.vireo.connections.libvirt;

/** A connection URI that is not a libvirt URI; the message names the URI and what is wrong with it. */
public class InvalidUriException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidUriException(String uri, String reason) {
        super("'" + printable(uri) + "' is not a valid libvirt URI: " + reason);
    }

    /** Shows control characters as escapes so a message never carries a raw newline or escape sequence. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
