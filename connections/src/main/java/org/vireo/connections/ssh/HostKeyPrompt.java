package org.vireo.connections.ssh;

/**
 * Asks what to do with an unknown host key. Called on the connecting thread (never the FX thread): a UI
 * implementation shows a dialog and waits for the answer; the CLI uses one of the policies below.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    enum Decision { ACCEPT_ONCE, ACCEPT_AND_SAVE, REJECT }

    Decision ask(UnknownHostKey key);

    /** Non-interactive default (OpenSSH {@code StrictHostKeyChecking=yes}): unknown keys are refused. */
    static HostKeyPrompt refuseUnknown() {
        return key -> Decision.REJECT;
    }

    /** OpenSSH {@code StrictHostKeyChecking=accept-new}: unknown keys are saved; changed keys stay refused. */
    static HostKeyPrompt acceptNew() {
        return key -> Decision.ACCEPT_AND_SAVE;
    }
}
