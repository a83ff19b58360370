package org.vireo.app.graphs;

/**
 * What a small trend draws of a series with unknown (NaN) samples: a host whose driver has no node counters is read in
 * full only every few ticks on a large fleet, and is unknown, not idle, in between.
 */
final class KnownSamples {
    private KnownSamples() {
    }

    /**
     * Rewrites the first {@code count} values in place, oldest first: unknown values before the first known one are
     * dropped (the rest move to the front), later unknown ones carry the last known value. Returns how many remain.
     */
    static int carry(double[] values, int count) {
        int first = 0;
        while (first < count && Double.isNaN(values[first])) {
            first++;
        }
        int remaining = count - first;
        System.arraycopy(values, first, values, 0, remaining);
        for (int i = 1; i < remaining; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = values[i - 1];
            }
        }
        return remaining;
    }
}
