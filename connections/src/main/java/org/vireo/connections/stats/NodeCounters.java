package org.vireo.connections.stats;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import org.libvirt.jna.ConnectionPointer;

/**
 * A host's own CPU and memory counters (virNodeGetCPUStats / virNodeGetMemoryStats over all CPUs and
 * cells). Remembers when the driver lacks either call, so it is not asked again every tick.
 */
final class NodeCounters {
    private static final int ALL = -1;

    private boolean cpuUnsupported;
    private boolean memoryUnsupported;
    private Memory cpuParams;
    private int cpuCount;
    private Memory memoryParams;
    private int memoryCount;
    private final IntByReference count = new IntByReference();

    private long lastBusy = -1;
    private long lastTotal = -1;

    /** Busy share of all CPUs since the previous call, 0..100; NaN on the first call or without counters. */
    double cpuPercent(ConnectionPointer conn) {
        if (cpuUnsupported) {
            return Double.NaN;
        }
        if (cpuParams == null) {
            count.setValue(0);
            if (StatsNative.INSTANCE.virNodeGetCPUStats(conn, ALL, null, count, 0) < 0) {
                return unsupportedOrFail(true, "Cannot read the host's CPU counters");
            }
            cpuCount = count.getValue();
            if (cpuCount == 0) {
                cpuUnsupported = true;
                return Double.NaN;
            }
            cpuParams = new Memory((long) cpuCount * StatsNative.NODE_PARAM_SIZE);
        }
        count.setValue(cpuCount);
        if (StatsNative.INSTANCE.virNodeGetCPUStats(conn, ALL, cpuParams, count, 0) < 0) {
            return unsupportedOrFail(true, "Cannot read the host's CPU counters");
        }
        long total = 0;
        long idle = 0;
        double utilization = Double.NaN;
        for (int i = 0; i < count.getValue(); i++) {
            long offset = (long) i * StatsNative.NODE_PARAM_SIZE;
            String field = cpuParams.getString(offset);
            long value = cpuParams.getLong(offset + StatsNative.FIELD_LENGTH);
            switch (field) {
                case "utilization" -> utilization = value;
                case "idle", "iowait" -> {
                    idle += value;
                    total += value;
                }
                default -> total += value;
            }
        }
        if (!Double.isNaN(utilization)) {
            return Math.min(100, utilization);
        }
        long busy = total - idle;
        long busyDelta = Rates.delta(lastBusy, busy);
        long totalDelta = Rates.delta(lastTotal, total);
        lastBusy = busy;
        lastTotal = total;
        if (busyDelta < 0 || totalDelta <= 0) {
            return Double.NaN; // first reading, or counters that never move (libvirt's test driver)
        }
        return Math.min(100.0, 100.0 * busyDelta / totalDelta);
    }

    /**
     * Fills {@code usedAndTotal} with used and total KiB (used = total − free − buffers − cached);
     * returns false when the driver has no node memory stats.
     */
    boolean memory(ConnectionPointer conn, long[] usedAndTotal) {
        if (memoryUnsupported) {
            return false;
        }
        if (memoryParams == null) {
            count.setValue(0);
            if (StatsNative.INSTANCE.virNodeGetMemoryStats(conn, ALL, null, count, 0) < 0) {
                return !Double.isNaN(unsupportedOrFail(false, "Cannot read the host's memory counters"));
            }
            memoryCount = count.getValue();
            if (memoryCount == 0) {
                memoryUnsupported = true;
                return false;
            }
            memoryParams = new Memory((long) memoryCount * StatsNative.NODE_PARAM_SIZE);
        }
        count.setValue(memoryCount);
        if (StatsNative.INSTANCE.virNodeGetMemoryStats(conn, ALL, memoryParams, count, 0) < 0) {
            return !Double.isNaN(unsupportedOrFail(false, "Cannot read the host's memory counters"));
        }
        long total = -1;
        long free = 0;
        for (int i = 0; i < count.getValue(); i++) {
            long offset = (long) i * StatsNative.NODE_PARAM_SIZE;
            String field = memoryParams.getString(offset);
            long value = memoryParams.getLong(offset + StatsNative.FIELD_LENGTH);
            switch (field) {
                case "total" -> total = value;
                case "free", "buffers", "cached" -> free += value;
                default -> { }
            }
        }
        if (total <= 0) {
            memoryUnsupported = true;
            return false;
        }
        usedAndTotal[0] = Math.max(0, total - free);
        usedAndTotal[1] = total;
        return true;
    }

    /** NO_SUPPORT turns the call off for this host (returns NaN); any other error is thrown. */
    private double unsupportedOrFail(boolean cpu, String what) {
        StatsReadException e = StatsReadException.last(what);
        if (!e.isNoSupport()) {
            throw e;
        }
        if (cpu) {
            cpuUnsupported = true;
        } else {
            memoryUnsupported = true;
        }
        return Double.NaN;
    }
}
