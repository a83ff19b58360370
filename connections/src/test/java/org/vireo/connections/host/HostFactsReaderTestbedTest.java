package org.vireo.connections.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.vireo.connections.testbed.Testbed;

@Tag("testbed")
class HostFactsReaderTestbedTest {
    @Test
    void hostAReportsKvmOrQemuWithDomainCapabilitiesThroughJna() throws Exception {
        Testbed bed = Testbed.require();
        Connect conn = new Connect(bed.hostA().unixUri());
        try {
            HostFacts facts = HostFactsReader.read(conn, "a");
            assertTrue(facts.capabilities().virtTypes("x86_64").contains(VirtType.QEMU));
            DomainCapabilities qemu = facts.domainCapabilities(VirtType.QEMU).orElseThrow();
            assertEquals("qemu", qemu.domainType());
            assertTrue(qemu.diskBuses().contains("virtio"), qemu.diskBuses().toString());
            assertEquals(conn.nodeInfo().cpus, facts.cpus());
        } finally {
            conn.close();
        }
    }
}
