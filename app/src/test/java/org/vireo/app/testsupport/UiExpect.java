package org.vireo.app.testsupport;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

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

    /** Waits until {@code read} gives {@code expected}; fails naming {@code what}, the expected and the last value. */
    public static <T> T equal(String what, T expected, Callable<T> read) {
        return until(what + " = " + expected, read, expected::equals);
    }
}
