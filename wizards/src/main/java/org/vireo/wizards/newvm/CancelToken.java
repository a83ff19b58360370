package org.vireo.wizards.newvm;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set by the user's Cancel; the job checks it between steps and then cleans up what it created. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
