package org.vireo.connections.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.support.Await;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/** Bulk stats of a real running guest (QEMU) on test-bed host A, read through its unix socket. */
@Tag("testbed")
class StatsTestbedTest {

    @Test
    void runningGuestUsesCpuAndTheHostFiguresAreSane() throws Exception {
        Testbed bed = Testbed.require();
        Testbed.Host hostA = bed.host("a");
        TestGuests guests = new TestGuests(bed);
        String name = TestGuests.uniqueName("vireo-stats");
        Connect elsewhere = new Connect(hostA.unixUri());
        StatsHistory history = new StatsHistory(20);
        try (HostConnection host = new HostConnection(ConnectionEntry.of(hostA.unixUri()),
                HostConnection.Opener.direct(), Duration.ofSeconds(1));
             StatsPoller poller = new StatsPoller(() -> List.of(host), history, Duration.ofSeconds(1))) {
            host.connect().get(20, TimeUnit.SECONDS);
            Domain domain = guests.define(elsewhere, name);
            domain.create();
            String uuid = domain.getUUIDString();
            Await.until(Duration.ofSeconds(20), () -> host.snapshot().vms().stream()
                    .anyMatch(v -> v.uuid().equals(uuid) && v.state().isActive()), () -> host.snapshot().vms().toString());

            poller.sampleNow();
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos()); // a rate needs wall time between readings
            poller.sampleNow();

            double cpu = history.latest(uuid, VmMetric.CPU_PERCENT);
            assertTrue(cpu > 0 && cpu <= 100, "a booting guest's CPU % on host A: " + cpu);
            double memory = history.latest(uuid, VmMetric.MEMORY_USED_KIB);
            assertTrue(memory > 0 && memory <= 128 * 1024 * 1.5, "memory of a 128 MiB guest (KiB): " + memory);

            double hostCpu = history.latestHost(host.id(), HostMetric.CPU_PERCENT);
            double used = history.latestHost(host.id(), HostMetric.MEMORY_USED_KIB);
            double total = history.latestHost(host.id(), HostMetric.MEMORY_TOTAL_KIB);
            assertTrue(hostCpu >= 0 && hostCpu <= 100, "host CPU %: " + hostCpu);
            assertTrue(total > 0 && used > 0 && used <= total, "host memory used " + used + " of " + total + " KiB");

            // CPU time keeps rising: a third sample still shows use.
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            poller.sampleNow();
            assertTrue(history.vm(uuid).orElseThrow().size() >= 2, "two rate samples recorded");
        } finally {
            guests.cleanup(elsewhere, "vireo-stats");
            elsewhere.close();
        }
    }
}
