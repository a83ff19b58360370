package org.vireo.app.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bounded waits on what the window shows, each look taken on the FX thread.
 *
 * <p>Why: a test that waits for a cell and then looks it up again races the next layout pass, which may recycle
 * that cell in between (two CI runs failed so). A probe here returns what it found, and the test keeps using that
 * value; reading on the FX thread means a look never sees a scene half-way through a pulse.
 */
public final class UiWait {
    /** Long enough for a loaded CI machine; a passing test never waits this long. */
    public static final Duration LIMIT = Duration.ofSeconds(20);

    private UiWait() {
    }

    /** Waits until {@code probe} finds something, and returns it; fails naming {@code what} after {@link #LIMIT}. */
    public static <T> T until(String what, Callable<Optional<T>> probe) {
        return until(LIMIT, what, probe);
    }

    /** As {@link #until(String, Callable)} with its own time limit. */
    public static <T> T until(Duration limit, String what, Callable<Optional<T>> probe) {
        AtomicReference<T> found = new AtomicReference<>();
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, () -> {
                try {
                    Optional<T> seen = onFx(probe);
                    seen.ifPresent(found::set);
                    return seen.isPresent();
                } catch (AssertionError | RuntimeException e) {
                    lastFailure.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + limit.toSeconds() + " s: " + what, lastFailure.get());
        }
        return found.get();
    }

    /** Waits until {@code condition} holds on the FX thread; fails naming {@code what} after {@link #LIMIT}. */
    public static void untilTrue(String what, Callable<Boolean> condition) {
        until(LIMIT, what, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** As {@link #untilTrue(String, Callable)} with its own time limit. */
    public static void untilTrue(Duration limit, String what, Callable<Boolean> condition) {
        until(limit, what, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Reads {@code read} on the FX thread and returns its value; a read taking longer than {@link #LIMIT} fails. */
    public static <T> T onFx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        // Our own future, not TestFX's asyncFx: that one keeps a probe's exception and throws it at a later,
        // unrelated wait.
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(read.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the window", e);
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + LIMIT.toSeconds() + " s", e);
        }
    }
}
