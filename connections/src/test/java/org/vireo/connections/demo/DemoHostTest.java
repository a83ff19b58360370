package org.vireo.connections.demo;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoHostTest {
    @TempDir
    Path cache;

    @Test
    void uriPointsTheTestDriverAtTheExtractedFile() throws Exception {
        String uri = DemoHost.uri(cache);
        Path file = cache.resolve("demo-host.xml");

        LibvirtUri parsed = LibvirtUri.parse(uri);
        assertEquals("test", parsed.driver());
        assertEquals(file.toAbsolutePath().toString(), parsed.path());
        assertArrayEquals(DemoHost.bundledXml(), Files.readAllBytes(file));
    }

    @Test
    void outdatedCopyIsReplacedAndAPathWithSpacesIsEncoded() throws Exception {
        Path odd = cache.resolve("my cache");
        Files.createDirectories(odd);
        Files.writeString(odd.resolve("demo-host.xml"), "<node/>");

        String uri = DemoHost.uri(odd);

        assertTrue(uri.contains("/my%20cache/"), uri);
        assertEquals(odd.resolve("demo-host.xml").toAbsolutePath().toString(), LibvirtUri.parse(uri).path());
        assertArrayEquals(DemoHost.bundledXml(), Files.readAllBytes(odd.resolve("demo-host.xml")));
    }

    @Test
    void entryIsNamedDemoHost() {
        ConnectionEntry entry = new ConnectionEntry(DemoHost.ID, DemoHost.uri(cache), DemoHost.NAME, null, true, false, null);
        assertEquals("Demo host", entry.displayName());
    }

    @Test
    void demoSetupMarksAutostartVms() throws Exception {
        HostConnection host = demoHost();
        try {
            host.connect().get(10, TimeUnit.SECONDS);
            List<String> autostart = host.snapshot().vms().stream().filter(VmInfo::autostart).map(VmInfo::name).toList();
            assertEquals(List.of("router", "web1"), autostart);
        } finally {
            host.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    /** The demo's node file has no NUMA cell, so libvirt cannot say what is free: the new-VM wizard still reads it. */
    @Test
    void theNewVmWizardReadsTheDemoHostsFactsWithAnEstimatedFreeMemory() throws Exception {
        HostConnection host = demoHost();
        try {
            host.connect().get(10, TimeUnit.SECONDS);
            org.vireo.connections.host.HostFacts facts = org.vireo.connections.host.HostFactsReader.read(host)
                    .get(10, TimeUnit.SECONDS);
            long heldByRunning = host.snapshot().vms().stream().filter(vm -> vm.state().isActive())
                    .mapToLong(VmInfo::memoryKiB).sum();
            assertTrue(heldByRunning > 0, "the demo has running guests");
            assertEquals(facts.totalMemoryKiB() - heldByRunning, facts.freeMemoryKiB());
        } finally {
            host.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    /** The demo host as the app opens it (with its demo set-up), not yet connected. */
    private HostConnection demoHost() {
        return new HostConnection(new ConnectionEntry(DemoHost.ID, DemoHost.uri(cache), DemoHost.NAME, null, true, false,
                null), DemoHost.withDemoSetup(HostConnection.Opener.direct()), Duration.ofSeconds(60));
    }

    @Test
    void recognisesDemoUris() {
        assertTrue(DemoHost.isDemo(DemoHost.uri(cache)));
        assertFalse(DemoHost.isDemo("test:///default"));
        assertFalse(DemoHost.isDemo("qemu:///demo-host.xml"));
    }
}
