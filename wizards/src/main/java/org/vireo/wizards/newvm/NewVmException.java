package org.vireo.wizards.newvm;

/** Creating the VM failed or was cancelled; the message says what failed and what was removed again. */
public final class NewVmException extends RuntimeException {
    private final boolean cancelled;

    public NewVmException(String message, boolean cancelled, Throwable cause) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
