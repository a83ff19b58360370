package org.vireo.vnc.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM and keeps it running when a test closes its last window. */
public final class FxTestToolkit {
    private FxTestToolkit() {
    }

    public static void start() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(20, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }
}
