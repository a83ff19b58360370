package org.vireo.connections.stats;

import java.util.Set;

/**
 * The optional stats a user may switch off (virt-manager's "poll disk I/O / network I/O"): each one is a
 * libvirt stats group read for every VM on every tick. CPU, state and memory are always read: the tree, the
 * placement of new VMs and the graphs' first lines depend on them.
 */
public enum StatGroup {
    DISK(StatsNative.STATS_BLOCK),
    NETWORK(StatsNative.STATS_INTERFACE);

    private final int flag;

    StatGroup(int flag) {
        this.flag = flag;
    }

    /** The virConnectGetAllDomainStats "stats" mask reading the always-read groups plus {@code groups}. */
    public static int mask(Set<StatGroup> groups) {
        int mask = StatsNative.STATS_STATE | StatsNative.STATS_CPU_TOTAL | StatsNative.STATS_BALLOON;
        for (StatGroup group : groups) {
            mask |= group.flag;
        }
        return mask;
    }
}
