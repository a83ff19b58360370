package org.vireo.connections.ssh;

import java.io.IOException;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/**
 * Any failure to reach a host over SSH; the message is meant for the user: {@link #getMessage()} in English (CLI,
 * logs), {@link #text()} in the user's language.
 */
public class SshException extends IOException implements Localized {
    private final transient Text text;

    public SshException(Text text) {
        super(text.english());
        this.text = text;
    }

    public SshException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** Words that are not ours to translate (a server's or a library's). */
    public SshException(String message) {
        this(Text.verbatim(message));
    }

    public SshException(String message, Throwable cause) {
        this(Text.verbatim(message), cause);
    }

    @Override
    public Text text() {
        return text;
    }
}
