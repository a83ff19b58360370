package org.vireo.connections.migration;

/** A migration that did not happen; the message says why, the guest stays where it was. */
public class MigrationException extends Exception {
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    public MigrationException(String message) {
        super(message);
    }
}
