package org.vireo.connections.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatesTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void cpuPercentIsAShareOfAllHostCpus() {
        // Two vCPUs busy for a whole second on an 8-CPU host: a quarter of the host.
        assertEquals(25.0, Rates.cpuPercent(2 * SECOND, SECOND, 8), 1e-9);
        assertEquals(100.0, Rates.cpuPercent(8 * SECOND, SECOND, 8), 1e-9);
        assertEquals(0.0, Rates.cpuPercent(0, SECOND, 8), 1e-9);
    }

    @Test
    void cpuPercentIsCappedAndUnknownWithoutAUsableDelta() {
        assertEquals(100.0, Rates.cpuPercent(20 * SECOND, SECOND, 8), 1e-9);
        assertTrue(Double.isNaN(Rates.cpuPercent(-1, SECOND, 8)));
        assertTrue(Double.isNaN(Rates.cpuPercent(SECOND, 0, 8)));
        assertTrue(Double.isNaN(Rates.cpuPercent(SECOND, SECOND, 0)));
    }

    @Test
    void bytesPerSecondOverTheMeasuredWallTime() {
        assertEquals(1000.0, Rates.perSecond(5_000, 8_000, 3 * SECOND), 1e-9);
        assertEquals(0.0, Rates.perSecond(42, 42, SECOND), 1e-9);
    }

    @Test
    void aCounterThatWentBackOrIsMissingGivesNoRate() {
        assertTrue(Double.isNaN(Rates.perSecond(8_000, 5_000, SECOND)), "guest restarted: counters reset");
        assertTrue(Double.isNaN(Rates.perSecond(-1, 5_000, SECOND)), "driver does not report the counter");
        assertEquals(-1, Rates.delta(10, 5));
        assertEquals(5, Rates.delta(5, 10));
    }

    @Test
    void memoryUsedPrefersTheGuestsOwnView() {
        assertEquals(300, TypedParams.memoryUsed(1024, 700, 1000, 700));
        assertEquals(700, TypedParams.memoryUsed(1024, 700, -1, -1), "no guest stats: QEMU's RSS");
        assertEquals(1024, TypedParams.memoryUsed(1024, -1, -1, -1), "only the balloon size");
    }
}
