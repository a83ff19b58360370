package org.vireo.connections.ssh;

import java.io.IOException;

/** Any failure to reach a host over SSH; the message is meant for the user. */
public class SshException extends IOException {
    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
