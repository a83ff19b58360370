package org.vireo.connections.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.store.ConnectionEntry;

/** The host table's figures for the demo host: 6 VMs (web1, web2, router running, db1 paused), 2 pools, 2 networks. */
class HostSummaryReaderTest {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    @TempDir
    Path cache;

    private HostConnection host;

    @BeforeEach
    void connect() throws Exception {
        host = new HostConnection(new ConnectionEntry("demo", DemoHost.uri(cache), "demo-a", null, false, false, null),
                HostConnection.Opener.direct(), Duration.ofSeconds(60));
        host.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        host.closeAsync().get(10, TimeUnit.SECONDS);
    }

    @Test
    void storageTotalsAreTheSumOfTheActivePools() throws Exception {
        HostSummary summary = HostSummaryReader.read(host).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("default", "isos"), summary.pools().stream().map(StoragePoolInfo::name).toList());
        // libvirt's test driver gives every pool 100 GiB and counts its volumes as the allocation
        // (virsh pool-list --details on the demo file): default 24 GiB used, isos 688 MiB.
        assertEquals(100 * GIB + 100 * GIB, summary.storageTotalBytes());
        assertEquals(76 * GIB + (100 * GIB - 688 * MIB), summary.storageFreeBytes());
        StoragePoolInfo pool = summary.pools().get(0);
        assertEquals(6 * 4 * GIB, pool.allocationBytes());
        assertEquals(java.util.Set.of("web1.qcow2", "web2.qcow2", "db1.qcow2", "builder1.qcow2", "builder2.qcow2",
                "router.qcow2"), pool.volumes().stream().map(StorageVolumeInfo::name).collect(
                        java.util.stream.Collectors.toSet()));
        StorageVolumeInfo web1 = pool.volumes().stream().filter(v -> v.name().equals("web1.qcow2")).findFirst()
                .orElseThrow();
        assertEquals(20 * GIB, web1.capacityBytes());
        assertEquals(4 * GIB, web1.allocationBytes());
    }

    @Test
    void countsVmsAndReadsMemoryAndHostFacts() throws Exception {
        HostSummary summary = HostSummaryReader.read(host).get(10, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, summary.state());
        assertEquals("demo-a", summary.name());
        assertEquals(6, summary.vmsTotal());
        assertEquals(4, summary.vmsActive(), "three running and one paused");
        assertTrue(summary.read());
        assertEquals(32L * 1024 * 1024, summary.totalMemoryKiB());
        assertEquals(-1, summary.freeMemoryKiB(), "the demo node file has no NUMA cells: libvirt cannot tell");
        assertEquals("TEST", summary.info().hypervisor());
    }

    @Test
    void networksCarryForwardModeBridgeAndRange() throws Exception {
        HostSummary summary = HostSummaryReader.read(host).get(10, TimeUnit.SECONDS);
        NetworkInfo nat = summary.networks().stream().filter(n -> n.name().equals("default")).findFirst().orElseThrow();
        assertTrue(nat.active());
        assertEquals("virbr0", nat.bridge());
        assertEquals("nat", nat.forwardMode());
        assertEquals("192.168.122.2 – 192.168.122.254", nat.ipRange());
        NetworkInfo dmz = summary.networks().stream().filter(n -> n.name().equals("dmz")).findFirst().orElseThrow();
        assertEquals("", dmz.forwardMode(), "no <forward>: isolated");
        assertEquals("10.10.0.1/255.255.255.0", dmz.ipRange());
        assertEquals(2, summary.networks().size());
    }

    @Test
    void aDisconnectedHostKeepsItsLastFiguresButTakesTheNewState() throws Exception {
        HostSummary read = HostSummaryReader.read(host).get(10, TimeUnit.SECONDS);
        host.disconnect().get(10, TimeUnit.SECONDS);
        HostSummary after = read.withSnapshot(host.snapshot());
        assertEquals(ConnectionState.DISCONNECTED, after.state());
        assertEquals(read.storageTotalBytes(), after.storageTotalBytes());
        assertFalse(HostSummary.of(host.snapshot()).read(), "nothing read from a snapshot alone");
    }

    @Test
    void freeMemoryOfAHostWithCells() throws Exception {
        org.libvirt.Connect conn = new org.libvirt.Connect("test:///default");
        try {
            HostSummary summary = HostSummaryReader.read(conn, host.snapshot());
            assertTrue(summary.freeMemoryKiB() > 0 && summary.freeMemoryKiB() <= conn.nodeInfo().memory,
                    Long.toString(summary.freeMemoryKiB()));
        } finally {
            conn.close();
        }
    }

    @Test
    void aNetworkWithoutDhcpOrForwardModeAttribute() throws Exception {
        NetworkInfo n = NetworkXml.parse("<network><name>r</name><forward/><ip address='10.0.0.1' prefix='24'/>"
                + "</network>", false, true);
        assertEquals("nat", n.forwardMode());
        assertEquals("10.0.0.1/24", n.ipRange());
        assertEquals("", n.bridge());
        assertTrue(n.autostart());
    }
}
