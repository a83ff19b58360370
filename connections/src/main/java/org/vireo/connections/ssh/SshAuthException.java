package org.vireo.connections.ssh;

/** The server accepted none of the credentials offered (keys, agent, password), or the user cancelled. */
public class SshAuthException extends SshException {
    public SshAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
