package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private static Duration delay(ReconnectPolicy p, int attempt, double random) {
        return p.delayBefore(attempt, () -> random).orElseThrow();
    }

    @Test
    void defaultDoublesFromOneSecondUpToAMinute() {
        ReconnectPolicy p = ReconnectPolicy.DEFAULT;
        long[] seconds = new long[9];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = delay(p, i + 1, 0.5).toSeconds(); // middle of the jitter band = no jitter
        }
        assertEquals("[1, 2, 4, 8, 16, 32, 60, 60, 60]", java.util.Arrays.toString(seconds));
    }

    @Test
    void jitterStaysWithinItsBand() {
        ReconnectPolicy p = ReconnectPolicy.DEFAULT;
        assertEquals(Duration.ofMillis(3200), delay(p, 3, 0.0));
        assertEquals(Duration.ofMillis(4800), delay(p, 3, 1.0));
        assertEquals(Duration.ofSeconds(48), delay(p, 12, 0.0));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(40), 3, 0);
        assertTrue(p.delayBefore(3, () -> 0.5).isPresent());
        assertEquals(Optional.empty(), p.delayBefore(4, () -> 0.5));
        assertEquals(Optional.empty(), ReconnectPolicy.NEVER.delayBefore(1, () -> 0.5));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1.5));
    }
}
