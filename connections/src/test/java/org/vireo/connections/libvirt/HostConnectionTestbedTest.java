package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.support.Await;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/**
 * Vireo's own host connection on the real test-bed hosts: a diskless guest defined elsewhere
 * (as with virsh) appears, and the lifecycle commands move it through its states.
 */
@Tag("testbed")
class HostConnectionTestbedTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "host {0}")
    @ValueSource(strings = {"a", "b"})
    void lifecycleOfARealGuest(String hostId) throws Exception {
        Testbed bed = Testbed.require();
        Testbed.Host host = bed.host(hostId);
        TestGuests guests = new TestGuests(bed);
        String name = TestGuests.uniqueName("vireo-life");
        ConnectionEntry entry = ConnectionEntry.of(host.unixUri());
        Connect elsewhere = new Connect(host.unixUri());
        try (HostConnection connection = new HostConnection(entry, HostConnection.Opener.direct(), Duration.ofSeconds(1))) {
            connection.connect().get(20, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, connection.snapshot().state());
            assertEquals(host.hostname(), connection.snapshot().info().hostname());

            Domain domain = guests.define(elsewhere, name);
            String uuid = domain.getUUIDString();
            Await.until(WAIT, () -> vm(connection, uuid) != null, () -> names(connection.snapshot()));
            assertEquals(VmState.SHUTOFF, vm(connection, uuid).state());

            connection.start(uuid).get(20, TimeUnit.SECONDS);
            assertEquals(VmState.RUNNING, vm(connection, uuid).state());
            assertTrue(vm(connection, uuid).cpuTimeNs() > 0, "a running guest has used CPU time");

            connection.suspend(uuid).get(20, TimeUnit.SECONDS);
            assertEquals(VmState.PAUSED, vm(connection, uuid).state());
            connection.resume(uuid).get(20, TimeUnit.SECONDS);
            assertEquals(VmState.RUNNING, vm(connection, uuid).state());
            connection.forceOff(uuid).get(20, TimeUnit.SECONDS);
            assertEquals(VmState.SHUTOFF, vm(connection, uuid).state());

            // Started behind Vireo's back (virsh start): the lifecycle event shows it running.
            domain.create();
            Await.until(WAIT, () -> vm(connection, uuid).state() == VmState.RUNNING, () -> String.valueOf(vm(connection, uuid)));
        } finally {
            guests.cleanup(elsewhere, "vireo-life");
            elsewhere.close();
        }
    }

    private static VmInfo vm(HostConnection connection, String uuid) {
        return connection.snapshot().vms().stream().filter(v -> v.uuid().equals(uuid)).findFirst().orElse(null);
    }

    private static String names(HostSnapshot snapshot) {
        return snapshot.vms().stream().map(VmInfo::name).toList().toString();
    }
}
