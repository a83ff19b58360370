package org.vireo.app.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting: every 10 ms a runnable is posted with
 * {@code Platform.runLater} and the delay until it runs is recorded. {@link #maxLatency()} is the worst
 * delay seen, i.e. the longest the UI could not react. Start it, do the work under test, then close it.
 *
 * <p>Each period it also looks at what the FX thread is doing, and keeps every stack that shows it waiting on
 * the network or on libvirt ({@link #blockingCalls()}). That, not a latency figure, is what tests assert: it does
 * not depend on how loaded the machine is. Latency targets are measured by the benchmarks.
 */
public final class FxThreadProbe implements AutoCloseable {
    private static final long PERIOD_MS = 10;
    private static final long SLOW_NANOS = 50_000_000;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-thread-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong slowSamples = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long worstAtNanos;
    /** When the oldest posted runnable that has not run yet was posted, or 0. */
    private final AtomicLong waitingSince = new AtomicLong();
    /** While the FX thread is stalled, what it is doing: its top frames, sampled once a period, counted. */
    private final java.util.Map<String, Long> stallStacks = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Thread fxThread;
    /** Stacks of the FX thread caught inside a blocking call, with how often each was seen. */
    private final java.util.Map<String, Long> blockingStacks = new java.util.concurrent.ConcurrentHashMap<>();

    private FxThreadProbe() {
    }

    /** Starts probing; the FX toolkit must be running. */
    public static FxThreadProbe start() {
        FxThreadProbe probe = new FxThreadProbe();
        probe.ticker.scheduleAtFixedRate(probe::post, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return probe;
    }

    private void post() {
        long posted = System.nanoTime();
        waitingSince.compareAndSet(0, posted);
        long since = waitingSince.get();
        Thread fx = fxThread;
        if (fx != null) {
            StackTraceElement[] stack = fx.getStackTrace();
            if (since != 0 && posted - since > SLOW_NANOS) {
                stallStacks.merge(top(stack, 14), 1L, Long::sum);
            }
            if (BlockingFrames.inBlockingCall(stack)) {
                blockingStacks.merge(top(stack, 24), 1L, Long::sum);
            }
        }
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            waitingSince.set(0);
            long latency = System.nanoTime() - posted;
            if (latency > maxNanos.get()) {
                worstAtNanos = posted;
            }
            maxNanos.accumulateAndGet(latency, Math::max);
            samples.incrementAndGet();
            if (latency > SLOW_NANOS) {
                slowSamples.incrementAndGet();
            }
        });
    }

    private static String top(StackTraceElement[] stack, int frames) {
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(frames, stack.length); i++) {
            top.append("\n    at ").append(stack[i]);
        }
        return top.toString();
    }

    /** Every stack in which the FX thread was seen calling the network or libvirt, with its count; empty is good. */
    public java.util.Map<String, Long> blockingCalls() {
        return java.util.Map.copyOf(blockingStacks);
    }

    /** The FX thread's most frequent stacks while it was stalled over 50 ms (a sampling profile of the stalls). */
    public String stallProfile(int limit) {
        StringBuilder out = new StringBuilder();
        stallStacks.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> out.append(e.getValue()).append(" samples:").append(e.getKey()).append('\n'));
        return out.toString();
    }

    /** The longest a posted runnable waited for the FX thread so far. */
    public Duration maxLatency() {
        return Duration.ofNanos(maxNanos.get());
    }

    /** How many posted runnables have run (0 would mean the FX thread never answered). */
    public long samples() {
        return samples.get();
    }

    /** How many posted runnables waited more than 50 ms. */
    public long slowSamples() {
        return slowSamples.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    @Override
    public String toString() {
        return "FX thread max latency " + maxLatency().toMillis() + " ms (" + (worstAtNanos - startNanos) / 1_000_000
                + " ms after the probe started) over " + samples() + " samples, " + slowSamples.get() + " over 50 ms";
    }
}
