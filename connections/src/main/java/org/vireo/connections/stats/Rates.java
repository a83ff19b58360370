package org.vireo.connections.stats;

/** Turning two readings of cumulative counters into rates. NaN means "not known". */
public final class Rates {
    private Rates() {
    }

    /**
     * CPU use as a percentage of the host's total CPU capacity.
     *
     * @param cpuNs    CPU time consumed between the readings (ns), negative when unknown
     * @param wallNs   wall time between the readings (ns)
     * @param hostCpus logical CPUs of the host
     * @return 0..100, NaN when unknown (no previous reading, counter reset, no CPUs)
     */
    public static double cpuPercent(long cpuNs, long wallNs, int hostCpus) {
        if (cpuNs < 0 || wallNs <= 0 || hostCpus <= 0) {
            return Double.NaN;
        }
        double percent = 100.0 * cpuNs / ((double) wallNs * hostCpus);
        return Math.min(100.0, percent);
    }

    /** Bytes per second between two readings of a byte counter; NaN if either is unknown or it went back. */
    public static double perSecond(long before, long after, long wallNs) {
        if (before < 0 || after < 0 || after < before || wallNs <= 0) {
            return Double.NaN;
        }
        return (after - before) * 1e9 / wallNs;
    }

    /** {@code after − before} of a counter, −1 if either is unknown or it went back (guest restarted). */
    public static long delta(long before, long after) {
        return before < 0 || after < 0 || after < before ? -1 : after - before;
    }
}
