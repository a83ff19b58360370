package org.vireo.connections.ssh;

/**
 * The server presented a key that differs from the one recorded in known_hosts. Never overridable from
 * Vireo: the user must remove the named line after checking why the key changed.
 */
public class HostKeyChangedException extends SshException {
    private final String host;
    private final String keyType;
    private final String knownFingerprint;
    private final String presentedFingerprint;
    private final String knownHostsLocation;

    public HostKeyChangedException(String host, String keyType, String knownFingerprint, String presentedFingerprint,
                                   String knownHostsLocation) {
        super("WARNING: the " + keyType + " host key of " + host + " has CHANGED. Someone may be intercepting the"
                + " connection, or the host was reinstalled. Known key: " + knownFingerprint + "; key presented now: "
                + presentedFingerprint + ". Connection refused. If the change is expected, remove line "
                + knownHostsLocation + " and connect again.");
        this.host = host;
        this.keyType = keyType;
        this.knownFingerprint = knownFingerprint;
        this.presentedFingerprint = presentedFingerprint;
        this.knownHostsLocation = knownHostsLocation;
    }

    public String host() { return host; }
    public String keyType() { return keyType; }
    public String knownFingerprint() { return knownFingerprint; }
    public String presentedFingerprint() { return presentedFingerprint; }
    /** {@code /path/known_hosts:LINE} of the entry to remove. */
    public String knownHostsLocation() { return knownHostsLocation; }
}
