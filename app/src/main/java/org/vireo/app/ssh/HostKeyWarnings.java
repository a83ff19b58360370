package org.vireo.app.ssh;

import java.util.Optional;
import org.vireo.connections.ssh.HostKeyChangedException;
import org.vireo.resources.Messages;

/** Finds a changed host key in a connection failure and words the warning the user must read. */
public final class HostKeyWarnings {
    private HostKeyWarnings() {
    }

    /** The {@link HostKeyChangedException} anywhere in {@code error}'s cause chain. */
    public static Optional<HostKeyChangedException> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HostKeyChangedException changed) {
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    /** Old and new fingerprints and the known_hosts line to remove, in the user's language. */
    public static String message(HostKeyChangedException e, Messages messages) {
        if (e.revoked()) {
            return e.text().in(messages);
        }
        return messages.get("hostKeyChanged.message", e.keyType(), e.host(), e.knownFingerprint(),
                e.presentedFingerprint(), e.knownHostsLocation());
    }
}
