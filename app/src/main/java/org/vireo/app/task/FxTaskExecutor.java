package org.vireo.app.task;

import javafx.application.Platform;

/** Posts to the JavaFX Application Thread; runs inline when already on it. */
public final class FxTaskExecutor implements TaskExecutor {
    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
