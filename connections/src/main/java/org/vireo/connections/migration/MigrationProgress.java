package org.vireo.connections.migration;

import java.time.Duration;

/**
 * One sample of a running migration's job statistics; -1 where the hypervisor did not report a figure.
 *
 * @param memoryDirtyRate pages per second the guest dirties
 * @param expectedDowntimeMs what the switch-over pause would be now
 */
public record MigrationProgress(Duration elapsed, long dataProcessed, long dataRemaining, long dataTotal,
                                long memoryDirtyRate, long expectedDowntimeMs) {

    /** Share done in [0, 1], or -1 when the total is not known yet. */
    public double fraction() {
        if (dataTotal <= 0 || dataRemaining < 0) {
            return -1;
        }
        return Math.min(1.0, Math.max(0.0, (double) (dataTotal - dataRemaining) / dataTotal));
    }
}
