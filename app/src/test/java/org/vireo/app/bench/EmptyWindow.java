package org.vireo.app.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The benchmarks' floor: a JavaFX window showing one label, with Vireo's JVM options. What it costs is the toolkit's,
 * not Vireo's. The fleet bench measures it at rest (on GTK, JavaFX 21's pulse timer keeps firing 60 times a second
 * while no pulse is needed: its pause is a no-op there); the startup bench, from launch to its first laid-out frame.
 * Prints {@code EMPTY_WINDOW_READY <ms since the JVM started>} once that frame is laid out, and with
 * {@code -Dvireo.bench.exitWhenReady=true} then exits normally (so a class-data archive can be written at exit).
 * It uses no Vireo class (its jar holds only this one), hence its own one-shot layout listener.
 */
public final class EmptyWindow {
    private EmptyWindow() {
    }

    /** The window itself; launched from here, since a main class that is an Application needs JavaFX as modules. */
    public static final class Idle extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("idle"), 1200, 720);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("EMPTY_WINDOW_READY " + ms);
                System.out.flush();
                if (Boolean.getBoolean("vireo.bench.exitWhenReady")) {
                    Platform.runLater(Platform::exit);
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }

    public static void main(String[] args) {
        Application.launch(Idle.class, args);
    }
}
