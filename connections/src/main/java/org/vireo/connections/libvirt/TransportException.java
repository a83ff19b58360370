package org.vireo.connections.libvirt;

/**
 * The link to a host could not be set up (SSH login, host key, tunnel). The message is for the user.
 * {@link #retryable()} is false when trying again cannot help without the user: a refused host key, failed
 * or cancelled authentication, a URI Vireo cannot honour. Auto-reconnect stops on those.
 */
public class TransportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public TransportException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
