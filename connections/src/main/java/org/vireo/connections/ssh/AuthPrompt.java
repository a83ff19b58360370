package org.vireo.connections.ssh;

import java.util.List;

/**
 * Asks the user for secrets while connecting. Called on the connecting thread (never the FX thread): the UI
 * shows a dialog and waits. Returning null cancels the login. Returned arrays are owned by the caller, which
 * clears them when the session ends.
 */
public interface AuthPrompt {

    /** One keyboard-interactive question; {@code echo} false means a secret (hide the typing). */
    record Question(String prompt, boolean echo) {}

    char[] passphrase(String keyFile);

    char[] password(String destination);

    /** One answer per question, in order; null to cancel. */
    char[][] keyboardInteractive(String destination, String name, String instruction, List<Question> questions);

    /** For non-interactive use (CLI, tests): never asks, so only agent and unencrypted keys can log in. */
    static AuthPrompt none() {
        return new AuthPrompt() {
            @Override
            public char[] passphrase(String keyFile) {
                return null;
            }

            @Override
            public char[] password(String destination) {
                return null;
            }

            @Override
            public char[][] keyboardInteractive(String destination, String name, String instruction,
                                                List<Question> questions) {
                return null;
            }
        };
    }
}
