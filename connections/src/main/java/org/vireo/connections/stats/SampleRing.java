package org.vireo.connections.stats;

/**
 * The latest samples (at most {@code capacity}) of a few metrics that are sampled together, one row per
 * tick, in primitive arrays: values as float (graphs need no more), times as epoch ms. Storage starts
 * small and doubles up to the capacity, so VMs read only now and then (large fleets) hold little;
 * once full, appending overwrites the oldest row and allocates nothing. Thread-safe: the sampler appends
 * on a host thread while the UI copies out on the FX thread.
 */
public final class SampleRing {
    private static final int INITIAL_ROWS = 16;

    private final int capacity;
    private long[] times;
    private final float[][] columns;
    private int next;
    private int size;

    /** @param capacity rows kept; @param metrics values per row */
    public SampleRing(int capacity, int metrics) {
        if (capacity < 1 || metrics < 1) {
            throw new IllegalArgumentException("a sample ring needs capacity and metrics >= 1, got " + capacity
                    + " x " + metrics);
        }
        this.capacity = capacity;
        int rows = Math.min(capacity, INITIAL_ROWS);
        times = new long[rows];
        columns = new float[metrics][rows];
    }

    public int capacity() {
        return capacity;
    }

    /** Appends one row; {@code row} is copied (callers reuse it). NaN marks a metric unknown at that time. */
    public synchronized void append(long timeMillis, double[] row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the ring " + columns.length);
        }
        if (size == times.length && size < capacity) {
            grow();
        }
        times[next] = timeMillis;
        for (int m = 0; m < columns.length; m++) {
            columns[m][next] = (float) row[m];
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

    /**
     * The newest value of {@code metric} that is known (not NaN), NaN when there is none: a host read in full only
     * every few ticks has its figure between those reads.
     */
    public synchronized double latestKnown(int metric) {
        float[] column = columns[metric];
        for (int i = 0; i < size; i++) {
            float value = column[Math.floorMod(next - 1 - i, column.length)];
            if (!Float.isNaN(value)) {
                return value;
            }
        }
        return Double.NaN;
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
        float[] column = columns[metric];
        int start = Math.floorMod(next - count, column.length);
        for (int i = 0; i < count; i++) {
            dst[i] = column[(start + i) % column.length];
        }
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

    /** Rows of storage in use now (grows up to the capacity). */
    synchronized int allocatedRows() {
        return times.length;
    }

    /** Full at the current length: re-lay the rows oldest first into arrays twice as long. */
    private void grow() {
        int rows = Math.min(capacity, times.length * 2);
        long[] newTimes = new long[rows];
        int start = Math.floorMod(next - size, times.length);
        int first = Math.min(size, times.length - start);
        System.arraycopy(times, start, newTimes, 0, first);
        System.arraycopy(times, 0, newTimes, first, size - first);
        for (int m = 0; m < columns.length; m++) {
            float[] column = new float[rows];
            System.arraycopy(columns[m], start, column, 0, first);
            System.arraycopy(columns[m], 0, column, first, size - first);
            columns[m] = column;
        }
        times = newTimes;
        next = size;
    }

    private int newestIndex() {
        return Math.floorMod(next - 1, times.length);
    }
}
