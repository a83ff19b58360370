package org.vireo.connections.stats;

import java.util.Arrays;

/**
 * A fixed number of the latest samples of a few metrics that are sampled together (one row per tick),
 * in primitive arrays: appending overwrites the oldest row and allocates nothing. Thread-safe: the
 * sampler appends on a host thread while the UI copies out on the FX thread.
 */
public final class SampleRing {
    private final long[] times;
    private final double[][] columns;
    private int next;
    private int size;

    /** @param capacity rows kept; @param metrics values per row */
    public SampleRing(int capacity, int metrics) {
        if (capacity < 1 || metrics < 1) {
            throw new IllegalArgumentException("a sample ring needs capacity and metrics >= 1, got " + capacity
                    + " x " + metrics);
        }
        times = new long[capacity];
        columns = new double[metrics][capacity];
    }

    public int capacity() {
        return times.length;
    }

    /** Appends one row; {@code row} is copied (callers reuse it). NaN marks a metric unknown at that time. */
    public synchronized void append(long timeMillis, double[] row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the ring " + columns.length);
        }
        times[next] = timeMillis;
        for (int m = 0; m < columns.length; m++) {
            columns[m][next] = row[m];
        }
        next = (next + 1) % times.length;
        if (size < times.length) {
            size++;
        }
    }

    public synchronized int size() {
        return size;
    }

    /** The newest value of {@code metric}, NaN when there is none yet. */
    public synchronized double latest(int metric) {
        return size == 0 ? Double.NaN : columns[metric][newestIndex()];
    }

    /** Time of the newest row (epoch ms), 0 when empty. */
    public synchronized long latestTime() {
        return size == 0 ? 0 : times[newestIndex()];
    }

    /**
     * Copies the newest {@code min(size, dst.length)} values of {@code metric} into the start of {@code dst},
     * oldest first; returns how many were copied.
     */
    public synchronized int copySeries(int metric, double[] dst) {
        int count = Math.min(size, dst.length);
        copyNewest(columns[metric], dst, count);
        return count;
    }

    /** As {@link #copySeries}, for the rows' times (epoch ms). */
    public synchronized int copyTimes(long[] dst) {
        int count = Math.min(size, dst.length);
        int start = Math.floorMod(next - count, times.length);
        int first = Math.min(count, times.length - start);
        System.arraycopy(times, start, dst, 0, first);
        System.arraycopy(times, 0, dst, first, count - first);
        return count;
    }

    public synchronized void clear() {
        size = 0;
        next = 0;
        Arrays.fill(times, 0);
    }

    private void copyNewest(double[] column, double[] dst, int count) {
        int start = Math.floorMod(next - count, column.length);
        int first = Math.min(count, column.length - start);
        System.arraycopy(column, start, dst, 0, first);
        System.arraycopy(column, 0, dst, first, count - first);
    }

    private int newestIndex() {
        return Math.floorMod(next - 1, times.length);
    }
}
