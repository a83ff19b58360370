package org.vireo.connections.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.util.Objects;

/**
 * Plugs {@link HostKeyVerifier} into one JSch connection attempt (used with StrictHostKeyChecking=yes, so JSch
 * itself never adds or prompts). JSch's {@code check} cannot throw, so the refusal is kept and rethrown by the
 * caller once {@code connect()} fails.
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {
    private final HostKeyVerifier verifier;
    private final String host;
    private final int port;
    private SshException refusal;

    /** {@code host}/{@code port} are the real destination (JSch only sees a proxy-relative name). */
    VerifyingHostKeyRepository(HostKeyVerifier verifier, String host, int port) {
        this.verifier = verifier;
        this.host = host;
        this.port = port;
    }

    /** The verifier's refusal of the last check, or null. */
    SshException refusal() {
        return refusal;
    }

    @Override
    public int check(String jschHostName, byte[] key) {
        try {
            verifier.verify(host, port, key);
            refusal = null;
            return OK;
        } catch (HostKeyChangedException e) {
            refusal = e;
            return CHANGED;
        } catch (SshException e) {
            refusal = e;
            return NOT_INCLUDED;
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        throw new UnsupportedOperationException("host keys are saved only by HostKeyVerifier");
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("Vireo never removes known_hosts lines");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("Vireo never removes known_hosts lines");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return verifier.knownHosts().path().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(null, null);
    }

    /**
     * JSch uses this to prefer host key algorithms already recorded (as OpenSSH does), and to look for @revoked
     * markers after a successful check (the verifier already refused those, so markers are not repeated here).
     */
    @Override
    public HostKey[] getHostKey(String ignoredJschName, String type) {
        try {
            return verifier.knownHosts().entriesFor(host, port).stream()
                    .filter(e -> e.marker().isEmpty() && (type == null || type.equals(e.keyType())))
                    .map(this::toJsch)
                    .filter(Objects::nonNull)
                    .toArray(HostKey[]::new);
        } catch (IOException e) {
            return new HostKey[0]; // the verifier reports the unreadable file on check()
        }
    }

    private HostKey toJsch(KnownHostsFile.Entry e) {
        try {
            return new HostKey(KnownHostsFile.hostName(host, port), HostKey.GUESS, e.key());
        } catch (JSchException unsupportedType) {
            return null;
        }
    }
}
