package org.vireo.connections.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;

/** The reads against libvirt's test driver, which has a pool, a network and a domain of its own. */
class HostFactsReaderTest {
    @Test
    void testDriverHostFacts() throws Exception {
        Connect conn = new Connect("test:///default");
        try {
            HostFacts facts = HostFactsReader.read(conn, "test");
            assertEquals(List.of(VirtType.TEST), facts.capabilities().virtTypes("i686"));
            assertTrue(facts.domainCapabilities().isEmpty(), "the test driver has no domain capabilities");
            StoragePoolInfo pool = facts.pool("default-pool").orElseThrow();
            assertTrue(pool.active());
            assertTrue(pool.availableBytes() > 0);
            assertEquals("default", facts.networks().get(0).name());
            assertEquals(16, facts.cpus());
            assertTrue(facts.freeMemoryKiB() > 0 && facts.freeMemoryKiB() <= facts.totalMemoryKiB());
            assertEquals(java.util.Set.of("test"), facts.domainNames());
        } finally {
            conn.close();
        }
    }
}
