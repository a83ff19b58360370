package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.testbed.TestHttpTree;
import org.vireo.resources.Messages;

/** Reading distribution trees from a test HTTP server on 127.0.0.1: layouts, OS guess, and every refusal. */
class DistroTreeTest {
    private static final Messages EN = new Messages(Locale.ROOT);
    private static final String FEDORA_TREEINFO = """
            [general]
            family = Fedora
            version = 40
            arch = x86_64
            name = Fedora 40

            [images-x86_64]
            kernel = images/pxeboot/vmlinuz
            initrd = images/pxeboot/initrd.img
            """;
    private final TestHttpTree server = startServer();
    private final TreeHttp http = new TreeHttp(new TreeHttp.Limits(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), 64 * 1024, 1024, 2048), EN);
    @TempDir
    Path dir;

    private static TestHttpTree startServer() {
        try {
            return new TestHttpTree();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TreeMedia detect(String url) throws TreeException {
        return DistroTree.detect(url, "x86_64", false, http, new CancelToken(), EN);
    }

    @Test
    void treeinfoNamesKernelInitrdAndTheRepoArgument() throws Exception {
        server.put("/f40/os/.treeinfo", FEDORA_TREEINFO);
        TreeMedia media = detect(server.url("/f40/os"));
        assertEquals(server.url("/f40/os/images/pxeboot/vmlinuz"), media.kernel().toString());
        assertEquals(server.url("/f40/os/images/pxeboot/initrd.img"), media.initrd().toString());
        assertEquals("inst.repo=" + server.url("/f40/os/") + " console=ttyS0", media.cmdline(" console=ttyS0 "));
        assertEquals("Fedora 40", media.distro());
        assertEquals(Optional.of("fedora40"), media.osHints().stream().map(OsCatalogue.bundled()::guess)
                .flatMap(Optional::stream).findFirst().map(OsVariant::id));
    }

    @Test
    void debianMirrorUsesTheNetbootFolderOfTheUrlsArchitecture() throws Exception {
        String base = "/debian/dists/bookworm/main/installer-amd64/";
        server.put(base + "current/images/MANIFEST", "netboot/debian-installer/amd64/linux  Debian installer\n");
        TreeMedia media = detect(server.url(base));
        assertEquals(server.url(base + "current/images/netboot/debian-installer/amd64/linux"), media.kernel().toString());
        assertEquals(server.url(base + "current/images/netboot/debian-installer/amd64/initrd.gz"),
                media.initrd().toString());
        assertEquals("", media.cmdline(""), "d-i chooses its mirror itself");
        assertEquals("debian12", OsCatalogue.bundled().guess(media.osHints().get(0)).orElseThrow().id());
    }

    @Test
    void debianIsoExportedOverHttpUsesInstallNetboot() throws Exception {
        server.put("/deb12/.disk/info", "Debian GNU/Linux 12.5.0 \"Bookworm\" - Official amd64 NETINST");
        TreeMedia media = detect(server.url("/deb12/"));
        assertEquals(server.url("/deb12/install/netboot/debian-installer/amd64/linux"), media.kernel().toString());
        assertEquals("Debian", media.distro());
    }

    @Test
    void pathsThatLeaveTheTreeAreRefused() {
        for (String hostile : new String[] {"../../../etc/passwd", "/etc/passwd", "images/../../x",
                "http://198.51.100.7/vmlinuz", "images\\vmlinuz", "file:/etc/shadow"}) {
            server.put("/evil/.treeinfo", FEDORA_TREEINFO.replace("images/pxeboot/vmlinuz", hostile));
            TreeException e = assertThrows(TreeException.class, () -> detect(server.url("/evil/")), hostile);
            assertEquals("The tree names the file '" + hostile + "', which is not inside " + server.url("/evil/")
                    + ": refused.", e.getMessage());
        }
        assertFalse(server.requested().stream().anyMatch(p -> p.contains("passwd") || p.contains("shadow")));
    }

    @Test
    void unreachableMissingAndNotATreeSayWhich() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        TreeException unreachable = assertThrows(TreeException.class,
                () -> detect("http://127.0.0.1:" + closedPort + "/tree/"));
        assertTrue(unreachable.getMessage().startsWith("Cannot reach http://127.0.0.1:" + closedPort + ": "),
                unreachable.getMessage());

        TreeException missing = assertThrows(TreeException.class, () -> detect(server.url("/nothing/")));
        assertEquals(server.url("/nothing/") + " was not found (HTTP 404).", missing.getMessage());

        server.put("/www/", "<html>a web site</html>");
        TreeException notTree = assertThrows(TreeException.class, () -> detect(server.url("/www/")));
        assertTrue(notTree.getMessage().startsWith(server.url("/www/") + " is not a distribution tree"),
                notTree.getMessage());

        TreeException ftp = assertThrows(TreeException.class, () -> detect("ftp://127.0.0.1/tree/"));
        assertEquals("'ftp://127.0.0.1/tree/' is not an http or https URL of a distribution tree.", ftp.getMessage());
    }

    @Test
    void downloadsAreBoundedInSizeAndA404IsAnError() throws Exception {
        server.put("/t/small", new byte[1000]).put("/t/big", new byte[1025]);
        Path target = dir.resolve("k");
        http.download(java.net.URI.create(server.url("/t/small")), target, 1024, new CancelToken(), n -> { });
        assertArrayEquals(new byte[1000], Files.readAllBytes(target));
        TreeException big = assertThrows(TreeException.class, () -> http.download(
                java.net.URI.create(server.url("/t/big")), target, 1024, new CancelToken(), n -> { }));
        assertEquals(server.url("/t/big") + " is larger than the 0 MiB allowed for it.", big.getMessage());
        TreeException gone = assertThrows(TreeException.class, () -> http.download(
                java.net.URI.create(server.url("/t/gone")), target, 1024, new CancelToken(), n -> { }));
        assertEquals(server.url("/t/gone") + " was not found (HTTP 404).", gone.getMessage());
    }

    @Test
    void firstStartXmlAddsTheKernelAndDropsThePvBootloader() {
        String xml = "<domain type='kvm'><name>n</name><bootloader>pygrub</bootloader><os><type arch='x86_64'>hvm"
                + "</type><boot dev='hd'/></os></domain>";
        String live = new KernelBoot("/p/k", "/p/i", "inst.repo=http://x/ quiet", java.util.List.of()).injectInto(xml);
        assertTrue(live.contains("<os><type arch=\"x86_64\">hvm</type><kernel>/p/k</kernel><initrd>/p/i</initrd>"
                + "<cmdline>inst.repo=http://x/ quiet</cmdline><boot dev=\"hd\"/></os>"), live);
        assertFalse(live.contains("bootloader"), live);
    }
}
