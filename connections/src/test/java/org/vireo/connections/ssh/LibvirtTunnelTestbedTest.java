package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.vireo.connections.testbed.Testbed;

/** libvirt through the SSH layer against the test bed's two hosts (testbed/start). */
@Tag("testbed")
class LibvirtTunnelTestbedTest {
    private static final Duration T = Duration.ofSeconds(10);

    @TempDir
    Path home;
    Properties env = new Properties();
    SshSessions pool;

    @BeforeEach
    void bed() throws Exception {
        // The same test bed every other test uses (fails with "test bed not running" when it is not).
        Path file = Testbed.require().stateDir().resolve("env");
        try (Reader r = Files.newBufferedReader(file)) {
            env.load(r);
        }
        Path knownHosts = home.resolve("known_hosts");
        Files.copy(Path.of(env.getProperty("VIREO_TB_KNOWN_HOSTS")), knownHosts);
        SshSettings settings = SshSettings.forHome(home, java.util.Map.of(), "root").withKnownHosts(knownHosts);
        pool = new SshSessions(settings, HostKeyPrompt.refuseUnknown(), AuthPrompt.none());
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private SshTarget host(String letter) {
        String uri = "qemu+ssh://root@127.0.0.1:" + env.getProperty("VIREO_TB_" + letter + "_SSH_PORT")
                + "/system?keyfile=" + env.getProperty("VIREO_TB_SSH_KEY");
        return SshTarget.fromLibvirtUri(uri, null);
    }

    private String hostNameThrough(SshSession session) throws Exception {
        try (LibvirtTunnel tunnel = LibvirtTunnel.open(session,
                LibvirtSocketRequest.fromUri("qemu+ssh://x/system", false), T)) {
            assertTrue(tunnel.libvirtUri().matches("qemu\\+tcp://127\\.0\\.0\\.1:\\d+/system"), tunnel.libvirtUri());
            Connect c = new Connect(tunnel.libvirtUri());
            try {
                return c.getHostName();
            } finally {
                c.close();
            }
        }
    }

    @Test
    void hostAThroughItsSshd() throws Exception {
        assertEquals(env.getProperty("VIREO_TB_A_HOSTNAME"), hostNameThrough(pool.open(host("A"))));
    }

    @Test
    void hostBThroughItsSshd() throws Exception {
        assertEquals(env.getProperty("VIREO_TB_B_HOSTNAME"), hostNameThrough(pool.open(host("B"))));
    }

    @Test
    void hostBThroughHostAAsJumpHost() throws Exception {
        // the jump host logs in with the default key of this HOME
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(Path.of(env.getProperty("VIREO_TB_SSH_KEY")), home.resolve(".ssh/id_ed25519"));
        SshTarget b = host("B").withJumpHosts("root@127.0.0.1:" + env.getProperty("VIREO_TB_A_SSH_PORT"));
        SshSession session = pool.open(b);
        assertEquals(1, session.route().jumps().size());
        assertEquals(env.getProperty("VIREO_TB_B_HOSTNAME"), hostNameThrough(session));
    }

    @Test
    void readOnlySocketIsFoundAndRefusesWrites() throws Exception {
        SshSession session = pool.open(host("A"));
        try (LibvirtTunnel tunnel = LibvirtTunnel.open(session,
                LibvirtSocketRequest.fromUri("qemu+ssh://x/system", true), T)) {
            assertTrue(tunnel.remoteSocket().endsWith("-sock-ro"), tunnel.remoteSocket());
            Connect c = new Connect(tunnel.libvirtUri(), true);
            try {
                assertEquals(env.getProperty("VIREO_TB_A_HOSTNAME"), c.getHostName());
            } finally {
                c.close();
            }
        }
    }

    @Test
    void missingSocketIsAClearError() throws Exception {
        SshSession session = pool.open(host("A"));
        SshException e = org.junit.jupiter.api.Assertions.assertThrows(SshException.class, () -> LibvirtTunnel.open(
                session, LibvirtSocketRequest.fromUri("qemu+ssh://x/system?socket=/nonexistent/sock", false), T));
        assertTrue(e.getMessage().contains("/nonexistent/sock"), e.getMessage());
        // the session is still usable afterwards
        assertEquals("ok\n", RemoteCommand.run(session, List.of("echo", "ok"), T).stdout());
    }
}
