package org.vireo.connections.stats;

/** The columns of a host's {@link SampleRing}, in order. */
public enum HostMetric {
    /** Busy share of all host CPUs (0..100). Drivers without node CPU counters: the sum of the guests' use. */
    CPU_PERCENT,
    /** total − free − buffers − cached, KiB; without node memory stats: the sum of the running guests' memory. */
    MEMORY_USED_KIB,
    MEMORY_TOTAL_KIB;

    public static final int COUNT = values().length;
}
