package org.vireo.connections.ssh;

import org.vireo.resources.Text;

/** The server accepted none of the credentials offered (keys, agent, password), or the user cancelled. */
public class SshAuthException extends SshException {
    public SshAuthException(Text text, Throwable cause) {
        super(text, cause);
    }
}
