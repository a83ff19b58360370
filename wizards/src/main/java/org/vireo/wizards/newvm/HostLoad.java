package org.vireo.wizards.newvm;

/**
 * How busy a host is, for placing a new VM.
 *
 * @param cpuLoad 0 (idle) … 1 (every CPU busy); more than 1 when overcommitted
 */
public record HostLoad(String hostId, String hostName, long freeMemoryKiB, int cpus, double cpuLoad) {
    /** Free memory weighted by idle CPU: a host with much memory but saturated CPUs is not the best place. */
    public double score() {
        return freeMemoryKiB * (1.0 - Math.min(cpuLoad, 0.9));
    }
}
