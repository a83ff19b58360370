package org.vireo.app;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * For the benchmarks ({@code -Dvireo.fxProbe=true}): every 100 ms posts a runnable to the FX thread and
 * records how long it waited (a sparse probe, so it costs little CPU itself); every 5 s prints {@code VIREO_FX <max ms in these 5 s> <max ms since start>}.
 * The wait is how long the FX thread was busy (pulses, layout, our handlers) without reacting.
 */
final class FxPulseProbe {
    private static final long PERIOD_MS = 100;
    private static final long REPORT_MS = 5_000;

    private final AtomicLong windowMax = new AtomicLong();
    private final AtomicLong overallMax = new AtomicLong();
    private final PrintStream out;

    private FxPulseProbe(PrintStream out) {
        this.out = out;
    }

    static void start(PrintStream out) {
        FxPulseProbe probe = new FxPulseProbe(out);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vireo-fx-probe");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(probe::post, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(probe::report, REPORT_MS, REPORT_MS, TimeUnit.MILLISECONDS);
    }

    private void post() {
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long waited = System.nanoTime() - posted;
            windowMax.accumulateAndGet(waited, Math::max);
            overallMax.accumulateAndGet(waited, Math::max);
        });
    }

    private void report() {
        long window = windowMax.getAndSet(0);
        out.println("VIREO_FX " + TimeUnit.NANOSECONDS.toMillis(window) + " "
                + TimeUnit.NANOSECONDS.toMillis(overallMax.get()));
        out.flush();
    }
}
