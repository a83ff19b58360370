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
    private volatile Thread fxThread;
    /** Stacks of the FX thread caught inside a blocking call, with how often each was seen. */
    private final java.util.Map<String, Long> blockingStacks = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the FX thread's stack is looked at each period (tests), or never (benchmarks). */
    private final boolean sampleStacks;

    private FxThreadProbe(boolean sampleStacks) {
        this.sampleStacks = sampleStacks;
    }

    /** Starts probing; the FX toolkit must be running. Every period's stack is checked for blocking calls. */
    public static FxThreadProbe start() {
        return start(true);
    }

    /**
     * Starts measuring latency only, for a benchmark. A stack sample stops every thread at a safepoint, and reaching
     * it waits for every thread to be given a CPU: on a busy machine that took up to 65 ms, the very stall measured.
     */
    public static FxThreadProbe startLatencyOnly() {
        return start(false);
    }

    private static FxThreadProbe start(boolean sampleStacks) {
        FxThreadProbe probe = new FxThreadProbe(sampleStacks);
        probe.ticker.scheduleAtFixedRate(probe::post, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return probe;
    }

    private void post() {
        long posted = System.nanoTime();
        Thread fx = fxThread;
        if (fx != null && sampleStacks) {
            StackTraceElement[] stack = fx.getStackTrace();
            if (BlockingFrames.inBlockingCall(stack)) {
                blockingStacks.merge(top(stack, 24), 1L, Long::sum);
            }
        }
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
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

    /** When the longest wait began, from the probe's start. */
    public Duration worstAt() {
        return Duration.ofNanos(worstAtNanos - startNanos);
    }

    @Override
    public String toString() {
        return "FX thread max latency " + maxLatency().toMillis() + " ms (" + worstAt().toMillis()
                + " ms after the probe started) over " + samples() + " samples, " + slowSamples.get() + " over 50 ms";
    }
}
