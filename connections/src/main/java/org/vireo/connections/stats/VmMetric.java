package org.vireo.connections.stats;

/** The columns of a VM's {@link SampleRing}, in order. */
public enum VmMetric {
    /**
     * CPU time used over the last interval as a share of the whole host's CPU capacity (all host CPUs =
     * 100 %), as virt-manager's "CPU usage": a 2-vCPU guest spinning both vCPUs on a 16-CPU host shows 12.5 %.
     */
    CPU_PERCENT,
    /** Memory the guest uses, KiB: balloon available − unused when the guest reports it, else QEMU's RSS,
     * else the current balloon size. */
    MEMORY_USED_KIB,
    DISK_READ_BPS,
    DISK_WRITE_BPS,
    NET_RX_BPS,
    NET_TX_BPS;

    public static final int COUNT = values().length;
}
