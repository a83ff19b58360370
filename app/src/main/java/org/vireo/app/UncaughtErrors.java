package org.vireo.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.task.Failures;
import org.vireo.resources.Messages;

/** Turns an exception nobody caught into an error dialog instead of a silent log line. */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(UncaughtErrors.class.getName());
    private final DialogService dialogs;
    private final Messages messages;

    UncaughtErrors(DialogService dialogs, Messages messages) {
        this.dialogs = dialogs;
        this.messages = messages;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            LOG.log(Level.SEVERE, "uncaught in " + thread.getName(), error);
        }
        Platform.runLater(() -> dialogs.showError(messages.get("error.unexpected.title"), Failures.message(error, messages), error));
    }
}
