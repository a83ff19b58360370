package org.vireo.connections.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;

/**
 * Bulk stats through JNA on libvirt's test driver. It reports only the state group, so CPU time and
 * memory come from each domain's info (the driver's running guests count wall-clock time as CPU time).
 */
class StatsOnTestDriverTest {
    @TempDir
    Path cache;
    private HostConnection host;
    private StatsPoller poller;

    @AfterEach
    void close() {
        if (poller != null) {
            poller.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void defaultTestHostGivesCpuAndMemoryOfItsGuestAndOfTheHost() throws Exception {
        connect("test:///default");
        StatsHistory history = new StatsHistory(10);
        HostSampler sampler = new HostSampler(host.id(), history);
        assertEquals(1, host.call(conn -> sampler.sample(conn, host.snapshot(), null)).get(10, TimeUnit.SECONDS));
        letTimePass();
        assertEquals(1, host.call(conn -> sampler.sample(conn, host.snapshot(), null)).get(10, TimeUnit.SECONDS));

        String uuid = vm("test").uuid();
        double cpu = history.latest(uuid, VmMetric.CPU_PERCENT);
        assertTrue(cpu > 0 && cpu <= 100, "CPU % of the running 'test' guest: " + cpu);
        assertEquals(vm("test").memoryKiB(), history.latest(uuid, VmMetric.MEMORY_USED_KIB), 0.5);
        assertTrue(Double.isNaN(history.latest(uuid, VmMetric.DISK_READ_BPS)), "the test driver has no block stats");
        assertTrue(Double.isNaN(history.latest(uuid, VmMetric.NET_RX_BPS)), "the test driver has no interface stats");

        double hostCpu = history.latestHost(host.id(), HostMetric.CPU_PERCENT);
        double used = history.latestHost(host.id(), HostMetric.MEMORY_USED_KIB);
        double total = history.latestHost(host.id(), HostMetric.MEMORY_TOTAL_KIB);
        assertEquals(cpu, hostCpu, 1e-9, "without moving node counters the host is the sum of its guests");
        assertEquals(host.snapshot().info().memoryKiB(), total, 0.5);
        assertTrue(used > 0 && used <= total, "used " + used + " of " + total);
    }

    @Test
    void demoHostSamplesItsActiveGuestsInOneTickAndFiltersByUuid() throws Exception {
        connect(DemoHost.uri(cache));
        StatsHistory history = new StatsHistory(10);
        poller = new StatsPoller(() -> List.of(host), history, Duration.ofSeconds(3));
        StatsPoller.Tick first = poller.sampleNow();
        assertEquals(1, first.hosts());
        assertEquals(4, first.vms(), "web1, web2, router running and db1 paused");
        letTimePass();
        poller.sampleNow();

        String web1 = vm("web1").uuid();
        String web2 = vm("web2").uuid();
        assertTrue(history.latest(web1, VmMetric.CPU_PERCENT) > 0);
        assertFalse(history.vm(vm("builder1").uuid()).isPresent(), "a shut-off guest has no stats");
        assertEquals(1, history.vm(web2).orElseThrow().size());

        poller.setSweepEvery(1000);
        poller.setInterest(Set.of(web1, vm("builder1").uuid()));
        letTimePass();
        long beforeFiltered = System.currentTimeMillis();
        StatsPoller.Tick filtered = poller.sampleNow();
        assertEquals(1, filtered.vms(), "only web1: builder1 is off");
        assertEquals(2, history.vm(web1).orElseThrow().size());
        assertEquals(1, history.vm(web2).orElseThrow().size(), "web2 is not of interest");
        assertEquals(host.id(), history.hostOf(web1).orElseThrow());

        List<StatsHistory.Load> all = history.busiest(10, 0);
        assertEquals(4, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).cpuPercent() >= all.get(i).cpuPercent(), "busiest first: " + all);
        }
        assertEquals(2, history.busiest(2, 0).size());
        List<StatsHistory.Load> recent = history.busiest(10, beforeFiltered);
        assertEquals(List.of(web1), recent.stream().map(StatsHistory.Load::uuid).toList(), "only web1 is fresh");
    }

    @Test
    void intervalOutsideOneToSixtySecondsIsRefused() {
        StatsHistory history = new StatsHistory(10);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StatsPoller(List::of, history, Duration.ofMillis(500)));
        try (StatsPoller ok = new StatsPoller(List::of, history, Duration.ofSeconds(60))) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ok.setInterval(Duration.ofSeconds(61)));
        }
    }

    private void connect(String uri) throws Exception {
        host = new HostConnection(ConnectionEntry.of(uri), HostConnection.Opener.direct(), Duration.ofSeconds(60));
        host.connect().get(10, TimeUnit.SECONDS);
    }

    private VmInfo vm(String name) {
        return host.snapshot().vms().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    /** A rate needs wall time between two readings (this waits for time, not for another thread). */
    private static void letTimePass() {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
}
