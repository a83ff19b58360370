package org.vireo.connections.ssh;

import java.util.List;

/**
 * One fully resolved SSH login: real host name, user and port, and the key files ~/.ssh/config names for it.
 *
 * @param alias         the name as written (config alias or host), for messages
 * @param identityFiles explicit key files, in order (keyfile=, then IdentityFile lines); defaults not included
 */
public record SshEndpoint(String alias, String user, String hostName, int port, List<String> identityFiles) {
    public SshEndpoint {
        identityFiles = List.copyOf(identityFiles);
    }

    /** {@code user@host:port}, the identity of a login (used to share sessions). */
    public String destination() {
        return user + "@" + (hostName.contains(":") ? "[" + hostName + "]" : hostName) + ":" + port;
    }

    @Override
    public String toString() {
        return alias.equals(hostName) ? destination() : alias + " (" + destination() + ")";
    }
}
