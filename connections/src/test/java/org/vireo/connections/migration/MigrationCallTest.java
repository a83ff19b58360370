package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.libvirt.Domain.MigrateFlags;
import org.libvirt.TypedParameter;
import org.libvirt.TypedUlongParameter;

class MigrationCallTest {
    @Test
    void defaultLiveMigrationIsLivePersistentAndUndefinesTheSource() {
        int flags = MigrationCall.flags(MigrationOptions.defaults(MigrationMode.LIVE));
        assertEquals(MigrateFlags.LIVE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE, flags);
    }

    @Test
    void everyOptionBecomesItsFlagOrParameter() {
        MigrationOptions o = new MigrationOptions(MigrationMode.LIVE, true, false, true, MigrationTransport.PEER_TO_PEER,
                "tcp://10.0.0.2:49152", "0.0.0.0", 50, 300, true, true);
        int flags = MigrationCall.flags(o);
        for (int f : new int[] {MigrateFlags.LIVE, MigrateFlags.PERSIST_DEST, MigrateFlags.NON_SHARED_DISK,
                MigrateFlags.PEER2PEER, MigrateFlags.AUTO_CONVERGE, MigrateFlags.POSTCOPY}) {
            assertEquals(f, flags & f);
        }
        assertEquals(0, flags & MigrateFlags.UNDEFINE_SOURCE);
        Map<String, String> params = Arrays.stream(MigrationCall.params(o, "web1"))
                .collect(Collectors.toMap(p -> p.field, TypedParameter::getValueAsString));
        assertEquals(Map.of("destination_name", "web1", "migrate_uri", "tcp://10.0.0.2:49152", "listen_address", "0.0.0.0",
                "bandwidth", "50"), params);
    }

    @Test
    void offlineIgnoresLiveOnlyOptionsAndTunnelledTakesNoAddress() {
        MigrationOptions off = MigrationOptions.defaults(MigrationMode.OFFLINE).withBandwidth(5);
        assertEquals(MigrateFlags.OFFLINE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE, MigrationCall.flags(off));
        assertEquals(1, MigrationCall.params(off, "web1").length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MigrationOptions(
                MigrationMode.LIVE, true, true, false, MigrationTransport.TUNNELLED, "tcp://x", null, 0, 0, false, false));
        assertTrue(e.getMessage().contains("tunnelled"), e.getMessage());
    }

    @Test
    void jobStatisticsBecomeProgress() {
        MigrationProgress p = MigrationJob.toProgress(new TypedParameter[] {
                new TypedUlongParameter("data_processed", 100), new TypedUlongParameter("data_remaining", 300),
                new TypedUlongParameter("data_total", 400), new TypedUlongParameter("memory_dirty_rate", 7)},
                Duration.ofSeconds(1));
        assertEquals(100, p.dataProcessed());
        assertEquals(0.25, p.fraction(), 1e-9);
        assertEquals(7, p.memoryDirtyRate());
        assertEquals(-1, p.expectedDowntimeMs(), "not reported");
    }
}
