package org.vireo.vnc.fx;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Bounded reads of the console's state on the FX thread, for tests of this module (which has no TestFX).
 *
 * <p>Why: state read off the FX thread may be half-way through a change, and a loaded CI machine can take many
 * seconds for what takes milliseconds at a desk. {@link #until} asks its probe on the FX thread, paced by a
 * {@link Timeline} (no sleeping test thread, no FX thread flooded with requests), until it finds something.
 */
public final class FxPoll {
    /** Long enough for a loaded CI machine; a passing test never waits this long. */
    public static final long LIMIT_S = 20;
    private static final Duration PERIOD = Duration.millis(50);

    private FxPoll() {
    }

    /**
     * Asks {@code probe} on the FX thread every 50 ms until it returns a value, and returns that value; after
     * {@link #LIMIT_S} fails naming {@code what}, caused by the probe's last failure if it threw (assertions in a
     * probe say what was seen).
     */
    public static <T> T until(String what, Callable<Optional<T>> probe) throws InterruptedException {
        CompletableFuture<T> found = new CompletableFuture<>();
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(PERIOD, e -> {
            try {
                probe.call().ifPresent(found::complete);
            } catch (AssertionError | Exception failure) {
                lastFailure.set(failure);
            }
            if (found.isDone()) {
                poll.stop();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        Platform.runLater(poll::play);
        try {
            return found.get(LIMIT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + LIMIT_S + " s: " + what, lastFailure.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            Platform.runLater(poll::stop);
        }
    }

    /** Reads {@code read} once on the FX thread; fails if the FX thread does not answer within {@link #LIMIT_S}. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(read.call());
            } catch (AssertionError | Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(LIMIT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }
}
