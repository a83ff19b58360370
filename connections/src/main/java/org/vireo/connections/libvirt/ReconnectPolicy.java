package org.vireo.connections.libvirt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again after a host was lost: exponential backoff (first delay, doubled each time, capped),
 * jittered so hosts lost together (a network blip) do not all come back in the same instant, and bounded in
 * attempts so a host that is gone for good stops being tried.
 *
 * @param firstDelay  delay before the first attempt
 * @param maxDelay    cap of the doubling
 * @param maxAttempts attempts before giving up; 0 never reconnects
 * @param jitter      fraction (0..1) by which each delay may vary either way
 */
public record ReconnectPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, double jitter) {

    /** 1, 2, 4, 8, 16, 32, 60, 60 ... s, ±20 %, 30 attempts: about 25 minutes of trying. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 30, 0.2);

    /** For hosts that must stay down once lost (the CLI, some tests). */
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0);

    public ReconnectPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("reconnect delays must be positive with max >= first, were "
                    + firstDelay + " and " + maxDelay);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0, was " + maxAttempts);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
    }

    /**
     * The pause before attempt number {@code attempt} (1 = first), or empty when the policy gives up.
     *
     * @param random a value in [0, 1): where in the jitter band this delay falls
     */
    public Optional<Duration> delayBefore(int attempt, DoubleSupplier random) {
        if (attempt < 1 || attempt > maxAttempts) {
            return Optional.empty();
        }
        long base = firstDelay.toMillis();
        long cap = maxDelay.toMillis();
        for (int i = 1; i < attempt && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(base * factor))));
    }
}
