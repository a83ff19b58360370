package org.vireo.connections.libvirt;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/**
 * The reconnect attempts of one host after it was lost, scheduled on the host's own executor. Confined to
 * the host thread, like the rest of the host's state.
 */
final class Reconnector {
    private final ReconnectPolicy policy;
    private final ScheduledExecutorService executor;
    private int attempts;
    private ScheduledFuture<?> next;

    Reconnector(ReconnectPolicy policy, ScheduledExecutorService executor) {
        this.policy = policy;
        this.executor = executor;
    }

    /** A planned attempt: its number and when it runs. */
    record Plan(int attempt, int maxAttempts, Instant at) {}

    /** Schedules the next attempt; empty when the policy has given up (or never reconnects). */
    Optional<Plan> scheduleNext(Runnable attempt) {
        cancelPending();
        Optional<Duration> delay = policy.delayBefore(attempts + 1, ThreadLocalRandom.current()::nextDouble);
        if (delay.isEmpty()) {
            return Optional.empty();
        }
        attempts++;
        next = executor.schedule(attempt, delay.get().toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(new Plan(attempts, policy.maxAttempts(), Instant.now().plus(delay.get())));
    }

    /** Stops trying (user disconnect, close, success, or a failure retrying cannot fix). */
    void reset() {
        cancelPending();
        attempts = 0;
    }

    int attempts() {
        return attempts;
    }

    private void cancelPending() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    /**
     * False for failures only the user can fix: a refused host key, failed or cancelled authentication,
     * a URI that cannot work, a missing libvirt library.
     */
    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof TransportException t) {
            return t.retryable();
        }
        if (failure instanceof LibvirtException e && e.getError() != null) {
            Error.ErrorNumber code = e.getError().getCode();
            return code != Error.ErrorNumber.VIR_ERR_AUTH_FAILED && code != Error.ErrorNumber.VIR_ERR_AUTH_CANCELLED
                    && code != Error.ErrorNumber.VIR_ERR_NO_CONNECT && code != Error.ErrorNumber.VIR_ERR_INVALID_ARG;
        }
        return failure instanceof LibvirtException;
    }
}
