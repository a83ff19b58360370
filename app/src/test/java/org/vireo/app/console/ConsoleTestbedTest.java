package org.vireo.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.CliRunAccess;
import org.vireo.connections.console.ConsoleConnector;
import org.vireo.connections.console.ConsoleLookup;
import org.vireo.connections.console.Graphics;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.libvirt.SshLibvirtOpener;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.Testbed;
import org.vireo.vnc.Framebuffer;

/** The console path against a SeaBIOS guest on test-bed host A: XML lookup, local and SSH streams, the CLI. */
@Tag("testbed")
class ConsoleTestbedTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    Testbed bed;
    RunningGuest guest;
    SshSessions sessions;
    HostConnection host;

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        guest = RunningGuest.start(bed, bed.hostA(), "console-");
        sessions = new SshSessions(SshSettings.forHome(RunningGuest.sshHome(bed, dir), Map.of(), "root"),
                HostKeyPrompt.refuseUnknown(), AuthPrompt.none());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (host != null) {
            host.closeAsync().get(20, TimeUnit.SECONDS);
        }
        if (sessions != null) {
            sessions.close();
        }
        if (guest != null) {
            guest.close();
        }
    }

    private HostConnection connect(String uri) throws Exception {
        host = new HostConnection(ConnectionEntry.of(uri), OpenerByTransport.standard(sessions), Duration.ofSeconds(60),
                ReconnectPolicy.NEVER);
        host.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, host.snapshot().state(), host.snapshot().toString());
        return host;
    }

    @Test
    void liveXmlGivesTheVncPortAndLoopbackListen() throws Exception {
        connect(bed.hostA().unixUri());
        ConsoleLookup lookup = new ConsoleConnector(sessions, WAIT).lookup(host, guest.uuid).get(20, TimeUnit.SECONDS);

        assertEquals(ConsoleLookup.Status.OK, lookup.status());
        Graphics vnc = lookup.vnc().orElseThrow();
        assertTrue(vnc.port() >= 5900 && vnc.port() <= 5999, "port " + vnc.port());
        assertEquals(guest.vncPort(), vnc.port());
        assertEquals("127.0.0.1", vnc.listenAddress());
        assertTrue(vnc.autoport());
    }

    @Test
    void localConnectionReachesSeaBiosDirectly() throws Exception {
        connect(bed.hostA().unixUri());
        Framebuffer fb = grab();
        assertSeaBiosSized(fb);
    }

    @Test
    void sshConnectionReachesSeaBiosThroughTheHostsOwnSession() throws Exception {
        connect(RunningGuest.sshUri(bed.hostA()));
        var shared = sessions.open(SshLibvirtOpener.sshTarget(host.entry()));
        FullFrame frame = new FullFrame();
        VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, WAIT), WAIT);
        try (VncConsoleOpener.OpenedConsole console = opener.open(host, guest.uuid, () -> null, List.of(frame))) {
            frame.await(WAIT.toNanos());
            assertTrue(console.stream().where().endsWith("(SSH)"), console.stream().where());
            assertTrue(console.stream().where().startsWith("127.0.0.1:" + guest.vncPort()), console.stream().where());
            assertSeaBiosSized(console.client().framebuffer());
            assertTrue(nonBlackPixels(console.client().framebuffer()) > 100, "SeaBIOS text is on screen");
            assertSame(shared, sessions.open(SshLibvirtOpener.sshTarget(host.entry())),
                    "the console rode on the libvirt tunnel's session: still the one session for the host");
        }
    }

    @Test
    void passwordComesFromTheSecureXmlOrIsAskedOnReadOnlyConnections() throws Exception {
        RunningGuest locked = RunningGuest.start(bed, bed.hostA(), "console-", RunningGuest.vncPassword("s3cret"));
        HostConnection readOnly = null;
        try {
            connect(bed.hostA().unixUri());
            VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, WAIT), WAIT);
            Graphics vnc = opener.locate(host, locked.uuid);
            assertEquals("s3cret", vnc.password(), "read with the secure flag");
            FullFrame frame = new FullFrame();
            try (VncConsoleOpener.OpenedConsole console = opener.open(host, locked.uuid,
                    () -> { throw new AssertionError("asked although the XML had the password"); }, List.of(frame))) {
                frame.await(WAIT.toNanos());
                assertSeaBiosSized(console.client().framebuffer());
            }

            readOnly = new HostConnection(new ConnectionEntry(java.util.UUID.randomUUID().toString(),
                    bed.hostA().unixUri(), null, null, false, true, null), OpenerByTransport.standard(sessions),
                    Duration.ofSeconds(60), ReconnectPolicy.NEVER);
            readOnly.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(null, opener.locate(readOnly, locked.uuid).password(), "read-only: no secrets in the XML");
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            FullFrame second = new FullFrame();
            try (VncConsoleOpener.OpenedConsole console = opener.open(readOnly, locked.uuid, () -> {
                asked.incrementAndGet();
                return "s3cret".toCharArray();
            }, List.of(second))) {
                second.await(WAIT.toNanos());
                assertSeaBiosSized(console.client().framebuffer());
            }
            assertEquals(1, asked.get());

            HostConnection ro = readOnly;
            java.io.IOException wrong = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> opener.open(ro, locked.uuid, "guess"::toCharArray, List.of()));
            assertTrue(wrong.getCause() instanceof org.vireo.vnc.VncAuthenticationException, String.valueOf(wrong.getCause()));
            assertTrue(wrong.getMessage().startsWith("VNC at 127.0.0.1:" + locked.vncPort()), wrong.getMessage());
        } finally {
            if (readOnly != null) {
                readOnly.closeAsync().get(20, TimeUnit.SECONDS);
            }
            locked.close();
        }
    }

    @Test
    void spiceOnlyAndNoGraphicsAreNamed() throws Exception {
        RunningGuest spice = RunningGuest.start(bed, bed.hostA(), "console-",
                xml -> xml.replace("<graphics type='vnc'", "<graphics type='spice'"));
        RunningGuest headless = RunningGuest.start(bed, bed.hostA(), "console-",
                xml -> xml.replaceAll("(?s)<graphics type='vnc'.*?</graphics>", ""));
        try {
            connect(bed.hostA().unixUri());
            VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, WAIT), WAIT);
            ConsoleUnavailableException s = org.junit.jupiter.api.Assertions.assertThrows(ConsoleUnavailableException.class,
                    () -> opener.locate(host, spice.uuid));
            assertEquals(ConsoleLookup.Status.SPICE_ONLY, s.status());
            assertTrue(s.getMessage().contains("SPICE"), s.getMessage());
            ConsoleUnavailableException n = org.junit.jupiter.api.Assertions.assertThrows(ConsoleUnavailableException.class,
                    () -> opener.locate(host, headless.uuid));
            assertEquals(ConsoleLookup.Status.NO_GRAPHICS, n.status());
        } finally {
            spice.close();
            headless.close();
        }
    }

    @Test
    void cliScreenshotWritesAPngOfTheScreenSize() throws Exception {
        Path png = dir.resolve("shot.png");
        CliRunAccess.Result run = CliRunAccess.run(dir, RunningGuest.sshHome(bed, dir.resolve("cli")), "screenshot",
                "--connect", RunningGuest.sshUri(bed.hostA()), guest.name, png.toString());

        assertEquals(0, run.exit(), run.text());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue((image.getWidth() == 720 && image.getHeight() == 400)
                || (image.getWidth() == 640 && image.getHeight() == 480), image.getWidth() + "x" + image.getHeight());
        assertTrue(run.text().contains(image.getWidth() + "x" + image.getHeight()), run.text());

        CliRunAccess.Result byUuid = CliRunAccess.run(dir, RunningGuest.sshHome(bed, dir.resolve("cli2")), "screenshot",
                "--connect", bed.hostA().unixUri(), guest.uuid, dir.resolve("byuuid.png").toString());
        assertEquals(0, byUuid.exit(), byUuid.text());
        assertTrue(Files.size(dir.resolve("byuuid.png")) > 0);
    }

    @Test
    void cliScreenshotOfAStoppedOrUnknownVmExits1AndBadArgumentsExit2() throws Exception {
        guest.onDomain(d -> d.destroy());
        CliRunAccess.Result stopped = CliRunAccess.run(dir, RunningGuest.sshHome(bed, dir.resolve("s")), "screenshot",
                "--connect", bed.hostA().unixUri(), guest.name, dir.resolve("x.png").toString());
        assertEquals(1, stopped.exit(), stopped.text());
        assertTrue(stopped.text().contains("is not running"), stopped.text());
        assertTrue(!Files.exists(dir.resolve("x.png")));

        CliRunAccess.Result unknown = CliRunAccess.run(dir, RunningGuest.sshHome(bed, dir.resolve("u")), "screenshot",
                "--connect", bed.hostA().unixUri(), "no-such-vm", dir.resolve("x.png").toString());
        assertEquals(1, unknown.exit(), unknown.text());
        assertTrue(unknown.text().contains("no VM named 'no-such-vm'"), unknown.text());

        CliRunAccess.Result usage = CliRunAccess.run(dir, RunningGuest.sshHome(bed, dir.resolve("v")), "screenshot",
                guest.name);
        assertEquals(2, usage.exit(), usage.text());
    }

    private Framebuffer grab() throws Exception {
        FullFrame frame = new FullFrame();
        VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, WAIT), WAIT);
        try (VncConsoleOpener.OpenedConsole console = opener.open(host, guest.uuid, () -> null, List.of(frame))) {
            frame.await(WAIT.toNanos());
            assertEquals("127.0.0.1:" + guest.vncPort(), console.stream().where());
            return console.client().framebuffer();
        }
    }

    static void assertSeaBiosSized(Framebuffer fb) {
        assertTrue((fb.width() == 720 && fb.height() == 400) || (fb.width() == 640 && fb.height() == 480),
                "SeaBIOS text or VGA mode, got " + fb.width() + "x" + fb.height());
    }

    static long nonBlackPixels(Framebuffer fb) {
        long n = 0;
        for (int p : fb.snapshot()) {
            if ((p & 0xFFFFFF) != 0) {
                n++;
            }
        }
        return n;
    }
}
