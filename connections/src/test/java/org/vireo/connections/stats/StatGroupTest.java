package org.vireo.connections.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatGroupTest {
    @Test
    void everyGroupReadsWhatThePollerAlwaysRead() {
        assertEquals(StatsNative.GROUPS, StatGroup.mask(EnumSet.allOf(StatGroup.class)));
    }

    @Test
    void switchedOffGroupsAreNotAskedFor() {
        int none = StatGroup.mask(Set.of());
        assertEquals(StatsNative.STATS_STATE | StatsNative.STATS_CPU_TOTAL | StatsNative.STATS_BALLOON, none);
        assertEquals(none | StatsNative.STATS_BLOCK, StatGroup.mask(Set.of(StatGroup.DISK)));
        assertEquals(none | StatsNative.STATS_INTERFACE, StatGroup.mask(Set.of(StatGroup.NETWORK)));
    }
}
