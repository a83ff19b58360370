package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Text;

/** A poll in which only running VMs' CPU time moved publishes no new snapshot (the stats follow CPU time). */
class CpuTimeOnlyChangeTest {

    @Test
    void cpuTimeAloneIsNoChangeButAnythingElseIs() {
        HostSnapshot before = host(vm("a", VmState.RUNNING, 1024, 100));
        assertTrue(HostConnection.sameApartFromCpuTime(host(vm("a", VmState.RUNNING, 1024, 999)), before));
        assertFalse(HostConnection.sameApartFromCpuTime(host(vm("a", VmState.PAUSED, 1024, 100)), before));
        assertFalse(HostConnection.sameApartFromCpuTime(host(vm("a", VmState.RUNNING, 2048, 100)), before));
        assertFalse(HostConnection.sameApartFromCpuTime(host(vm("a", VmState.RUNNING, 1024, 100),
                vm("b", VmState.SHUTOFF, 1024, 0)), before));
        assertFalse(HostConnection.sameApartFromCpuTime(before.withState(ConnectionState.LOST, Text.verbatim("gone")), before));
    }

    private static VmInfo vm(String name, VmState state, long memory, long cpuTime) {
        return new VmInfo("uuid-" + name, name, state, 1, memory, 4096, cpuTime, true, false);
    }

    private static HostSnapshot host(VmInfo... vms) {
        return new HostSnapshot("h", "test:///default", "h", ConnectionState.CONNECTED, null, null, List.of(vms));
    }
}
