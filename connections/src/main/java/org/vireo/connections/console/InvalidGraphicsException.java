package org.vireo.connections.console;

/** A domain XML whose graphics cannot be read; the message says what is wrong. */
public final class InvalidGraphicsException extends Exception {
    public InvalidGraphicsException(String message) {
        super(message);
    }
}
