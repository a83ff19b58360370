package org.vireo.connections.ssh;

import org.vireo.resources.Text;

/**
 * The server presented a key that differs from the one recorded in known_hosts, or one marked {@code @revoked}
 * there. Never overridable from Vireo: the user must remove the named line after checking why the key changed.
 */
public class HostKeyChangedException extends SshException {
    private final String host;
    private final String keyType;
    private final String knownFingerprint;
    private final String presentedFingerprint;
    private final String knownHostsLocation;
    private final boolean revoked;

    public HostKeyChangedException(String host, String keyType, String knownFingerprint, String presentedFingerprint,
                                   String knownHostsLocation) {
        this(host, keyType, knownFingerprint, presentedFingerprint, knownHostsLocation, false);
    }

    private HostKeyChangedException(String host, String keyType, String knownFingerprint, String presentedFingerprint,
                                    String knownHostsLocation, boolean revoked) {
        super(Text.of(revoked ? "ssh.hostKeyRevoked" : "ssh.hostKeyChanged", keyType, host, knownFingerprint,
                presentedFingerprint, knownHostsLocation));
        this.host = host;
        this.keyType = keyType;
        this.knownFingerprint = knownFingerprint;
        this.presentedFingerprint = presentedFingerprint;
        this.knownHostsLocation = knownHostsLocation;
        this.revoked = revoked;
    }

    /** The presented key is the one a {@code @revoked} line of known_hosts names. */
    public static HostKeyChangedException revoked(String host, String keyType, String revokedFingerprint,
                                                  String presentedFingerprint, String knownHostsLocation) {
        return new HostKeyChangedException(host, keyType, revokedFingerprint, presentedFingerprint, knownHostsLocation,
                true);
    }

    public String host() { return host; }
    public String keyType() { return keyType; }
    public String knownFingerprint() { return knownFingerprint; }
    public String presentedFingerprint() { return presentedFingerprint; }
    /** {@code /path/known_hosts:LINE} of the entry to remove. */
    public String knownHostsLocation() { return knownHostsLocation; }
    public boolean revoked() { return revoked; }
}
