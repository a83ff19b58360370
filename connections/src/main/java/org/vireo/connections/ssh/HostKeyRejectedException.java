package org.vireo.connections.ssh;

import org.vireo.resources.Text;

/** The host key was not known and was not accepted (prompt answered REJECT, or a non-interactive policy). */
public class HostKeyRejectedException extends SshException {
    private final UnknownHostKey key;

    public HostKeyRejectedException(Text text, UnknownHostKey key) {
        super(text);
        this.key = key;
    }

    /** Words that are not ours to translate. */
    public HostKeyRejectedException(String message, UnknownHostKey key) {
        this(Text.verbatim(message), key);
    }

    public UnknownHostKey key() {
        return key;
    }
}
