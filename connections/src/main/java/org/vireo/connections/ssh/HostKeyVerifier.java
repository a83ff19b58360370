package org.vireo.connections.ssh;

import java.io.IOException;
import java.util.Objects;
import org.vireo.resources.Text;

/**
 * Decides whether a presented host key may be used: known keys pass, unknown keys go to the
 * {@link HostKeyPrompt}, changed or revoked keys are always refused. Nothing is accepted silently.
 */
public final class HostKeyVerifier {
    private final KnownHostsFile knownHosts;
    private final HostKeyPrompt prompt;
    private final boolean hashNewEntries;

    public HostKeyVerifier(KnownHostsFile knownHosts, HostKeyPrompt prompt, boolean hashNewEntries) {
        this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.hashNewEntries = hashNewEntries;
    }

    public KnownHostsFile knownHosts() {
        return knownHosts;
    }

    /**
     * Returns normally when the key may be used; may call the prompt (on this thread).
     *
     * @throws HostKeyChangedException  the key differs from the recorded one, or is marked @revoked
     * @throws HostKeyRejectedException unknown and not accepted
     * @throws SshException             known_hosts could not be read or written
     */
    public void verify(String host, int port, byte[] presentedKey) throws SshException {
        String type = KnownHostsFile.keyTypeOf(presentedKey);
        String fingerprint = KnownHostsFile.fingerprintOf(presentedKey);
        String name = KnownHostsFile.hostName(host, port);
        KnownHostsFile.Lookup lookup;
        try {
            lookup = knownHosts.check(host, port, presentedKey);
        } catch (IOException e) {
            throw new SshException(Text.of("ssh.knownHostsUnreadable", knownHosts.path(), e.getMessage()), e);
        }
        switch (lookup.status()) {
            case KNOWN:
                return;
            case CHANGED:
                throw new HostKeyChangedException(name, type, lookup.conflicting().fingerprint(), fingerprint,
                        knownHosts.path() + ":" + lookup.conflicting().line());
            case REVOKED:
                throw HostKeyChangedException.revoked(name, type, lookup.conflicting().fingerprint(),
                        fingerprint, knownHosts.path() + ":" + lookup.conflicting().line());
            default:
                askAbout(new UnknownHostKey(host, port, type, fingerprint), presentedKey);
        }
    }

    private void askAbout(UnknownHostKey unknown, byte[] key) throws SshException {
        HostKeyPrompt.Decision decision = prompt.ask(unknown);
        if (decision == HostKeyPrompt.Decision.ACCEPT_AND_SAVE) {
            try {
                knownHosts.append(unknown.host(), unknown.port(), key, hashNewEntries);
            } catch (IOException e) {
                throw new SshException(Text.of("ssh.knownHostsUnsaved", knownHosts.path(), e.getMessage()), e);
            }
        } else if (decision != HostKeyPrompt.Decision.ACCEPT_ONCE) {
            throw new HostKeyRejectedException(Text.of("ssh.hostKeyRejected", unknown.keyType(),
                    unknown.knownHostsName(), unknown.sha256Fingerprint(), knownHosts.path()), unknown);
        }
    }
}
