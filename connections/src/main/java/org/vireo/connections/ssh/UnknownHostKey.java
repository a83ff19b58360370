package org.vireo.connections.ssh;

/**
 * A host key not found in known_hosts, as shown to the user.
 *
 * @param host              host name or address as connected (not an alias)
 * @param port              SSH port
 * @param keyType           e.g. {@code ssh-ed25519}
 * @param sha256Fingerprint OpenSSH format {@code SHA256:base64}, as {@code ssh-keygen -lf} prints it
 */
public record UnknownHostKey(String host, int port, String keyType, String sha256Fingerprint) {
    /** The name known_hosts uses: {@code host} for port 22, {@code [host]:port} otherwise. */
    public String knownHostsName() {
        return KnownHostsFile.hostName(host, port);
    }
}
