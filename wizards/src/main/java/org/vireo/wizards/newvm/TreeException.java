package org.vireo.wizards.newvm;

/** A distribution tree could not be read; the message (already in the user's language) says what and where. */
public final class TreeException extends Exception {
    public TreeException(String message) {
        super(message);
    }

    public TreeException(String message, Throwable cause) {
        super(message, cause);
    }
}
