package org.vireo.connections.ssh;

/** The host key was not known and was not accepted (prompt answered REJECT, or a non-interactive policy). */
public class HostKeyRejectedException extends SshException {
    private final UnknownHostKey key;

    public HostKeyRejectedException(String message, UnknownHostKey key) {
        super(message);
        this.key = key;
    }

    public UnknownHostKey key() {
        return key;
    }
}
