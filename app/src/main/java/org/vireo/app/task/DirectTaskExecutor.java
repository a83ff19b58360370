package org.vireo.app.task;

/** Runs UI hand-offs on the calling thread: for ViewModel tests without a JavaFX toolkit. */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }
}
