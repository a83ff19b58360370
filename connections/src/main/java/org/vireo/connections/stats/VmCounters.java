package org.vireo.connections.stats;

/**
 * One VM's cumulative counters as last read on one host, kept per VM and overwritten each tick (no
 * allocation per tick). −1 marks a counter the driver did not report.
 */
final class VmCounters {
    long readAtNanos;
    long cpuTimeNs = -1;
    long memoryUsedKiB = -1;
    long readBytes = -1;
    long writeBytes = -1;
    long rxBytes = -1;
    long txBytes = -1;
    /** Tick in which this VM was last read, to drop VMs that went away. */
    long tick;

    void reset() {
        cpuTimeNs = -1;
        memoryUsedKiB = -1;
        readBytes = -1;
        writeBytes = -1;
        rxBytes = -1;
        txBytes = -1;
    }

    void copyFrom(VmCounters other) {
        readAtNanos = other.readAtNanos;
        cpuTimeNs = other.cpuTimeNs;
        memoryUsedKiB = other.memoryUsedKiB;
        readBytes = other.readBytes;
        writeBytes = other.writeBytes;
        rxBytes = other.rxBytes;
        txBytes = other.txBytes;
    }
}
