package org.vireo.connections.libvirt;

import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/**
 * The link to a host could not be set up (SSH login, host key, tunnel). The message is for the user (English;
 * {@link #text()} in the user's language). {@link #retryable()} is false when trying again cannot help without the
 * user: a refused host key, failed or cancelled authentication, a URI Vireo cannot honour. Auto-reconnect stops on
 * those.
 */
public class TransportException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Text text;
    private final boolean retryable;

    public TransportException(Text text, Throwable cause, boolean retryable) {
        super(text.english(), cause);
        this.text = text;
        this.retryable = retryable;
    }

    /** Words that are not ours to translate. */
    public TransportException(String message, Throwable cause, boolean retryable) {
        this(Text.verbatim(message), cause, retryable);
    }

    @Override
    public Text text() {
        return text;
    }

    public boolean retryable() {
        return retryable;
    }
}
