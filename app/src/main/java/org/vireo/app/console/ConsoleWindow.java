package org.vireo.app.console;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.resources.Messages;
import org.vireo.resources.Theme;
import org.vireo.app.dialog.CloseShortcut;

/** A console in its own window (detached, or full screen); closing it hands the pane back through {@code onClose}. */
final class ConsoleWindow {
    private final Stage stage = new Stage();

    ConsoleWindow(ConsoleSession session, ConsolePane pane, Messages messages, Window owner, boolean fullscreen,
                  Runnable onClose) {
        stage.initOwner(owner);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get("console.windowTitle", session.vmNameProperty().get()), session.vmNameProperty()));
        pane.setDetachable(false);
        Scene scene = new Scene(pane, 900, 620);
        scene.getStylesheets().add(Theme.baseStylesheet());
        stage.setScene(scene);
        stage.getProperties().put("consoleUuid", session.uuid());
        CloseShortcut.install(stage);
        stage.setOnHidden(e -> {
            scene.setRoot(new javafx.scene.layout.Pane()); // the pane may go back to the tab
            pane.setDetachable(true);
            onClose.run();
        });
        if (fullscreen) {
            stage.setFullScreenExitHint(messages.get("console.grabHint", "Esc"));
            stage.setFullScreen(true);
            // Leaving full screen (Esc) puts the console back where it was.
            stage.fullScreenProperty().addListener((o, was, now) -> {
                if (!now) {
                    stage.close();
                }
            });
        }
        stage.show();
        session.view().requestFocus();
    }

    Stage stage() {
        return stage;
    }

    void setFullScreen(boolean value) {
        stage.setFullScreen(value);
    }

    void close() {
        stage.close();
    }
}
