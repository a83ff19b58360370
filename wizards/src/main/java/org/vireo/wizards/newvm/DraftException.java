package org.vireo.wizards.newvm;

/** The draft cannot become a VM on the chosen host; the message says why, for the user. */
public final class DraftException extends Exception {
    public DraftException(String message) {
        super(message);
    }
}
