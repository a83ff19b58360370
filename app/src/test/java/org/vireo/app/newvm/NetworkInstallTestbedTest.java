package org.vireo.app.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.vireo.app.CliRun;
import org.vireo.connections.testbed.MultibootKernel;
import org.vireo.connections.testbed.TestHttpTree;
import org.vireo.connections.testbed.Testbed;

/**
 * {@code vireo create --location URL} on host A of the test bed, from a Debian-layout tree served on 127.0.0.1:
 * the VM starts on the tree's kernel (it writes to the screen), the persistent definition boots from disk, and the
 * installer's volumes are gone afterwards. A missing tree creates nothing.
 */
@Tag("testbed")
class NetworkInstallTestbedTest {
    static final String SCREEN_TEXT = "VIREO NETINST OK";
    private static final String TREE = "/debian/dists/bookworm/main/installer-amd64/";

    @TempDir
    Path dir;
    private Testbed bed;
    private Connect connA;
    private HostScratch scratch;
    private TestHttpTree server;

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        scratch = HostScratch.open(bed.hostA().unixUri(), bed.stateDir());
        connA = scratch.conn();
        server = debianTree(new TestHttpTree(), TREE);
    }

    /** A Debian mirror's installer folder whose netboot kernel is the test's Multiboot kernel. */
    static TestHttpTree debianTree(TestHttpTree server, String base) {
        String netboot = base + "current/images/netboot/debian-installer/amd64/";
        return server.put(base + "current/images/MANIFEST", "netboot/debian-installer/amd64/linux  Debian netboot\n")
                .put(netboot + "linux", MultibootKernel.image(SCREEN_TEXT))
                .put(netboot + "initrd.gz", new byte[4096]);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    /** BIOS: the tree's OS (Debian 12) defaults to UEFI, and a Multiboot kernel boots from SeaBIOS. */
    private CliRun create(String name, String url) {
        return CliRun.run(CliRun.environment(dir, dir.resolve("home"), Duration.ofSeconds(20)), "create",
                "-c", bed.hostA().unixUri(), "--name", name, "--memory", "128", "--location", url,
                "--extra-args", "console=ttyS0 vireo.test=1", "--boot", "bios", "--disk", "pool=" + scratch.poolName() + ",size=1",
                "--network", scratch.networkName());
    }

    @Test
    void firstStartRunsTheTreesKernelAndLaterBootsFromDisk() throws Exception {
        String name = scratch.vmName("netinst");
        CliRun run = create(name, server.url(TREE));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("it is running."), run.toString());
        assertTrue(run.err().contains("Upload " + name + "-install-kernel to pool " + scratch.poolName()), run.toString());

        Domain domain = connA.domainLookupByName(name);
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, domain.getInfo().state);
        String live = domain.getXMLDesc(0);
        assertTrue(live.contains(name + "-install-kernel</kernel>"), live);
        assertTrue(live.contains(name + "-install-initrd</initrd>"), live);
        assertTrue(live.contains("<cmdline>console=ttyS0 vireo.test=1</cmdline>"), live);
        assertTrue(live.contains("id=\"debian12\"/>"), "the OS was guessed from the tree: " + live);
        String persistent = domain.getXMLDesc(2); // VIR_DOMAIN_XML_INACTIVE: what the next boot uses
        assertFalse(persistent.contains("<kernel>"), persistent);
        assertTrue(persistent.contains("<boot dev='hd'/>"), persistent);

        GuestScreen.assertKernelWrote(connA, name, SCREEN_TEXT, Duration.ofSeconds(30));
        GuestScreen.assertConsoleShowsAFrame(connA, name);
        List<String> volumes = scratch.volumes();
        assertTrue(volumes.contains(name + ".qcow2"), volumes.toString());
        assertFalse(volumes.stream().anyMatch(v -> v.contains("-install-")), "installer files removed: " + volumes);
        assertTrue(server.requested().contains(TREE + "current/images/netboot/debian-installer/amd64/linux"));
    }

    @Test
    void aMissingTreeCreatesNothing() throws Exception {
        String name = scratch.vmName("missing");
        CliRun run = create(name, server.url("/nowhere/"));
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains(server.url("/nowhere/") + " was not found (HTTP 404)."), run.toString());
        assertFalse(List.of(connA.listDefinedDomains()).contains(name));
        assertFalse(scratch.volumes().stream().anyMatch(v -> v.startsWith(name)), scratch.volumes().toString());
    }
}
