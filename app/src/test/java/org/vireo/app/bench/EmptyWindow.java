package org.vireo.app.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The fleet benchmark's floor: a JavaFX window showing one label, idle, with Vireo's JVM options. What it costs at
 * rest is the toolkit's, not Vireo's (on GTK, JavaFX 21's pulse timer keeps firing 60 times a second while no
 * pulse is needed: its pause is a no-op there). Prints {@code EMPTY_WINDOW_READY} once shown.
 */
public final class EmptyWindow {
    private EmptyWindow() {
    }

    /** The window itself; launched from here, since a main class that is an Application needs JavaFX as modules. */
    public static final class Idle extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("idle"), 1200, 720));
            stage.setOnShown(e -> Platform.runLater(() -> System.out.println("EMPTY_WINDOW_READY")));
            stage.show();
        }
    }

    public static void main(String[] args) {
        Application.launch(Idle.class, args);
    }
}
