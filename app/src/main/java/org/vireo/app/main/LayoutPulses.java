package org.vireo.app.main;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Work for the moment a scene's next layout pass is done (its frame then goes to the renderer). */
public final class LayoutPulses {
    private LayoutPulses() {
    }

    /** Runs {@code action} once, on the FX thread, after the next layout pass of {@code scene}; asks for that pulse. */
    public static void afterNextLayout(Scene scene, Runnable action) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }
}
