package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The probe sees a stalled FX thread (so a low reading elsewhere means something). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxThreadProbeUiTest {

    @Test
    void aStallOfTheFxThreadShowsAsLatency() throws TimeoutException {
        try (FxThreadProbe probe = FxThreadProbe.start()) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= 5);
            // The load under measurement: keep the FX thread busy for 300 ms.
            Platform.runLater(() -> {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            long before = probe.samples();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= before + 40);
            assertTrue(probe.maxLatency().toMillis() >= 250, probe.toString());
        }
    }
}
