package org.vireo.app.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bounded wait for what the window should show after an action, whose failure says what was expected and what
 * was seen last: on a loaded machine the window changes some pulses after the click or key that causes it.
 */
public final class UiExpect {
    private UiExpect() {
    }

    /**
     * Reads {@code read} on the FX thread until {@code ok} accepts the value, and returns that value; after
     * {@link UiWait#LIMIT} fails naming {@code expected} and the last value read.
     */
    public static <T> T until(String expected, Callable<T> read, Predicate<? super T> ok) {
        AtomicReference<Object> last = new AtomicReference<>("nothing yet");
        try {
            return UiWait.until(expected, () -> {
                T seen = read.call();
                last.set(seen);
                // Boxed, so that an accepted null still ends the wait.
                return ok.test(seen) ? Optional.of(Optional.ofNullable(seen)) : Optional.<Optional<T>>empty();
            }).orElse(null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e.getCause());
        }
    }

    /**
     * Reads {@code read} on the FX thread until {@code check} (assertions) accepts what it read, and returns that
     * value; after {@link UiWait#LIMIT} fails naming {@code what}, caused by the last check that failed (which
     * says what was expected and what was seen).
     */
    public static <T> T checked(String what, Callable<T> read, Consumer<? super T> check) {
        return UiWait.until(what, () -> {
            T seen = read.call();
            check.accept(seen);
            return Optional.of(seen);
        });
    }

    /**
     * As {@link UiWait#until(Duration, String, Callable)}, and a failure also tells what {@code seen} reads (on the
     * FX thread) at the end: a red CI run then says what the window showed instead.
     */
    public static <T> T until(Duration limit, String what, Callable<Optional<T>> probe, Callable<String> seen) {
        try {
            return UiWait.until(limit, what, probe);
        } catch (AssertionError e) {
            String last;
            try {
                last = UiWait.onFx(seen);
            } catch (RuntimeException | AssertionError readFailed) {
                last = "(could not read: " + readFailed + ")";
            }
            AssertionError withSeen = new AssertionError(e.getMessage() + "; last seen: " + last, e.getCause());
            withSeen.setStackTrace(e.getStackTrace());
            throw withSeen;
        }
    }

    /** As {@link #until(Duration, String, Callable, Callable)} for a condition. */
    public static void untilTrue(Duration limit, String what, Callable<Boolean> condition, Callable<String> seen) {
        until(limit, what, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty(), seen);
    }

    /** Waits until the TestFX {@code query} finds a node of {@code type} (looked up on the FX thread); returns it. */
    public static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return UiWait.until(query + " (" + type.getSimpleName() + ")", () -> robot.lookup(query).tryQueryAs(type));
    }

    /**
     * Waits until {@code condition} holds, checked off the FX thread: for what is not in the window (files, the
     * application's model), whose reads must not hold up the FX thread. Fails naming {@code what} after
     * {@link UiWait#LIMIT}.
     */
    public static void eventually(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(UiWait.LIMIT.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + UiWait.LIMIT.toSeconds() + " s: " + what, e);
        }
    }

    /** Waits until {@code read} gives {@code expected}; fails naming {@code what}, the expected and the last value. */
    public static <T> T equal(String what, T expected, Callable<T> read) {
        return until(what + " = " + expected, read, expected::equals);
    }
}
