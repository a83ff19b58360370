package org.vireo.app.console;

import org.vireo.connections.console.ConsoleLookup;

/** The VM offers nothing Vireo can show (no graphics, SPICE only, not listening); {@link #status()} says which. */
public final class ConsoleUnavailableException extends Exception {
    private final ConsoleLookup.Status status;

    public ConsoleUnavailableException(ConsoleLookup.Status status, String message) {
        super(message);
        this.status = status;
    }

    public ConsoleLookup.Status status() {
        return status;
    }
}
