package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.resources.Messages;
import java.util.Locale;

/** Against real OpenSSH servers started by the test ({@link TestSshd}); needs root. */
@Tag("testbed")
class SshSessionsSshdTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final Messages FRENCH = new Messages(Locale.FRENCH);

    @TempDir
    Path dir;
    Path home;
    Path clientKey;
    Path knownHosts;
    TestSshd sshd;
    final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();
    final List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        clientKey = Keys.generate(dir.resolve("client_key"), "ed25519");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized);
        knownHosts = home.resolve(".ssh/known_hosts");
        sshd = TestSshd.start(dir.resolve("sshd1"), authorized);
        cleanup.add(sshd);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private SshSettings settings() {
        return new SshSettings(home, home.resolve(".ssh/config"), knownHosts, null, "root", T,
                SshSettings.KEEPALIVE_INTERVAL, SshSettings.KEEPALIVE_COUNT_MAX);
    }

    private SshSessions pool(SshSettings settings, HostKeyPrompt.Decision answer) {
        SshSessions p = new SshSessions(settings, key -> {
            asked.add(key);
            return answer;
        }, AuthPrompt.none());
        cleanup.add(p);
        return p;
    }

    private SshTarget target(int port) {
        return new SshTarget("root", "127.0.0.1", port, List.of(), clientKey.toString());
    }

    @Test
    void unknownKeyIsAskedWithItsFingerprintSavedAndNotAskedAgain() throws Exception {
        SshSession s = pool(settings(), HostKeyPrompt.Decision.ACCEPT_AND_SAVE).open(target(sshd.port()));
        assertEquals(List.of(new UnknownHostKey("127.0.0.1", sshd.port(), "ssh-ed25519",
                Keys.fingerprint(sshd.hostKey()))), asked);
        assertEquals("ok\n", RemoteCommand.run(s, List.of("echo", "ok"), T).stdout());
        assertTrue(Files.readString(knownHosts).startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 "));

        asked.clear();
        SshSession again = pool(settings(), HostKeyPrompt.Decision.REJECT).open(target(sshd.port()));
        assertTrue(again.isConnected());
        assertEquals(List.of(), asked);
    }

    @Test
    void sameTargetSharesOneSession() throws Exception {
        SshSessions p = pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE);
        assertSame(p.open(target(sshd.port())), p.open(target(sshd.port())));
        assertEquals(1, asked.size());
    }

    @Test
    void rejectedKeyGivesAClearErrorAndSavesNothing() throws Exception {
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> pool(settings(), HostKeyPrompt.Decision.REJECT).open(target(sshd.port())));
        assertTrue(e.getMessage().contains(Keys.fingerprint(sshd.hostKey())), e.getMessage());
        assertFalse(Files.exists(knownHosts));
    }

    @Test
    void swappedHostKeyIsRefusedWithBothFingerprints() throws Exception {
        pool(settings(), HostKeyPrompt.Decision.ACCEPT_AND_SAVE).open(target(sshd.port()));
        String oldFingerprint = Keys.fingerprint(sshd.hostKey());
        String saved = Files.readString(knownHosts);
        sshd.restartWithNewHostKey();
        asked.clear();
        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> pool(settings(), HostKeyPrompt.Decision.ACCEPT_AND_SAVE).open(target(sshd.port())));
        assertEquals(oldFingerprint, e.knownFingerprint());
        assertEquals(Keys.fingerprint(sshd.hostKey()), e.presentedFingerprint());
        assertTrue(e.getMessage().contains(knownHosts + ":1"), e.getMessage());
        assertEquals(List.of(), asked);
        assertEquals(saved, Files.readString(knownHosts));
        assertEquals("ATTENTION\u00a0: la cl\u00e9 d\u2019h\u00f4te ssh-ed25519 de [127.0.0.1]:" + sshd.port()
                + " a CHANG\u00c9. Quelqu\u2019un intercepte peut-\u00eatre la connexion, ou l\u2019h\u00f4te a \u00e9t\u00e9"
                + " r\u00e9install\u00e9. Cl\u00e9 connue\u00a0: " + oldFingerprint + "\u00a0; cl\u00e9 pr\u00e9sent\u00e9e\u00a0: "
                + Keys.fingerprint(sshd.hostKey()) + ". Connexion refus\u00e9e. Si le changement est attendu, supprimez la"
                + " ligne " + knownHosts + ":1 et reconnectez-vous.", e.text().in(FRENCH));
    }

    @Test
    void wrongKeyIsAClearAuthenticationError() throws Exception {
        Path stranger = Keys.generate(dir.resolve("stranger"), "ed25519");
        SshAuthException e = assertThrows(SshAuthException.class,
                () -> pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE)
                        .open(new SshTarget("root", "127.0.0.1", sshd.port(), List.of(), stranger.toString())));
        assertTrue(e.getMessage().contains("Authentication to root@127.0.0.1:" + sshd.port() + " failed"), e.getMessage());
        assertTrue(e.getMessage().contains(stranger.toString()), e.getMessage());
        assertEquals("\u00c9chec de l\u2019authentification sur root@127.0.0.1:" + sshd.port() + "\u00a0: le serveur n\u2019a"
                + " accept\u00e9 aucun des identifiants propos\u00e9s (" + stranger + ", mot de passe ou keyboard-interactive"
                + " s\u2019il est demand\u00e9)", e.text().in(FRENCH));
    }

    @Test
    void agentAuthentication() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        cleanup.add(() -> {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        });
        long deadline = System.nanoTime() + T.toNanos();
        while (!Files.exists(sock) && System.nanoTime() < deadline) {
            agent.waitFor(20, TimeUnit.MILLISECONDS);
        }
        ProcessBuilder add = new ProcessBuilder("ssh-add", clientKey.toString()).redirectErrorStream(true);
        add.environment().put("SSH_AUTH_SOCK", sock.toString());
        Process p = add.start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));

        SshSettings viaAgent = SshSettings.forHome(home, java.util.Map.of("SSH_AUTH_SOCK", sock.toString()), "root")
                .withKnownHosts(knownHosts);
        SshSession s = pool(viaAgent, HostKeyPrompt.Decision.ACCEPT_ONCE).open(SshTarget.of("root", "127.0.0.1", sshd.port()));
        assertTrue(s.isConnected());
        // and without the agent (no key files in this HOME) the same login fails
        assertThrows(SshAuthException.class, () -> pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE)
                .open(SshTarget.of("root", "127.0.0.1", sshd.port())));
    }

    @Test
    void jumpChainReachesTheSecondServerThroughTheFirst() throws Exception {
        TestSshd second = TestSshd.start(dir.resolve("sshd2"), dir.resolve("authorized_keys"));
        cleanup.add(second);
        Files.writeString(home.resolve(".ssh/config"), "Host second\n  HostName 127.0.0.1\n  Port " + second.port()
                + "\n  User root\n  IdentityFile " + clientKey + "\n  ProxyJump first\n"
                + "Host first\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n  User root\n  IdentityFile " + clientKey + "\n");
        SshSessions p = pool(settings(), HostKeyPrompt.Decision.ACCEPT_AND_SAVE);
        SshSession s = p.open(SshTarget.of(null, "second", 0));
        assertEquals(1, s.route().jumps().size());
        assertEquals(List.of(sshd.port(), second.port()), asked.stream().map(UnknownHostKey::port).toList());
        assertEquals(Keys.fingerprint(second.hostKey()), asked.get(1).sha256Fingerprint());
        // the command ran behind the jump host: sshd of the second server logs in its own dir
        assertEquals("ok\n", RemoteCommand.run(s, List.of("echo", "ok"), T).stdout());
        assertSame(p.open(SshTarget.of(null, "first", 0)), s.via(), "the jump session is shared by the pool");

        // the per-connection jump setting gives the same route without any config; the jump host logs in with
        // the default key ~/.ssh/id_ed25519 (keyfile= is for the target only, as in libvirt)
        Files.delete(home.resolve(".ssh/config"));
        Files.copy(clientKey, home.resolve(".ssh/id_ed25519"));
        SshTarget direct = new SshTarget("root", "127.0.0.1", second.port(), List.of(), clientKey.toString())
                .withJumpHosts("root@127.0.0.1:" + sshd.port());
        SshSession viaSetting = pool(settings(), HostKeyPrompt.Decision.REJECT).open(direct);
        assertTrue(viaSetting.isConnected());
    }

    @Test
    void stalledServerIsReportedLostWithinTenSeconds() throws Exception {
        SshSession s = pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE).open(target(sshd.port()));
        CountDownLatch lost = new CountDownLatch(1);
        String[] reason = new String[1];
        s.addLossListener((session, why) -> {
            reason[0] = why.english();
            lost.countDown();
        });
        long stoppedAt = System.nanoTime();
        sshd.signalAll("STOP");
        try {
            assertTrue(lost.await(12, TimeUnit.SECONDS), "session loss not reported");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
            assertTrue(ms <= 10_000, "loss reported after " + ms + " ms");
            assertTrue(reason[0].contains("keepalive"), reason[0]);
            assertFalse(s.isConnected());
        } finally {
            sshd.signalAll("CONT");
        }
    }

    @Test
    void hostileArgumentIsNotExecutedRemotely() throws Exception {
        Path marker = dir.resolve("pwned");
        SshSession s = pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE).open(target(sshd.port()));
        String hostile = "$(touch " + marker + ")";
        CommandResult r = RemoteCommand.run(s, List.of("echo", hostile, "`touch " + marker + "`;", "it's"), T);
        assertEquals(0, r.exitStatus());
        assertEquals(hostile + " `touch " + marker + "`; it's\n", r.stdout());
        assertFalse(Files.exists(marker));
    }

    @Test
    void commandOutputIsBoundedAndExitStatusKept() throws Exception {
        SshSession s = pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE).open(target(sshd.port()));
        CommandResult r = RemoteCommand.run(s, List.of("sh", "-c", "head -c 100000 /dev/zero; echo err >&2; exit 7"), T, 1000);
        assertEquals(7, r.exitStatus());
        assertEquals(1000, r.stdout().length());
        assertTrue(r.truncated());
        assertEquals("err\n", r.stderr());
        SshException e = assertThrows(SshException.class,
                () -> RemoteCommand.run(s, List.of("sleep", "30"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
    }

    @Test
    void vncTunnelForwardsALocalPort() throws Exception {
        SshSession s = pool(settings(), HostKeyPrompt.Decision.ACCEPT_ONCE).open(target(sshd.port()));
        // the "remote service" is the test sshd itself: its banner proves the forward works
        try (VncTunnel t = VncTunnel.forward(s, "127.0.0.1", sshd.port(), T);
             java.net.Socket sock = new java.net.Socket("127.0.0.1", t.localPort())) {
            sock.setSoTimeout(5000);
            assertEquals("SSH-", new String(sock.getInputStream().readNBytes(4)));
        }
        try (VncTunnel.DirectStream ds = VncTunnel.openStream(s, "127.0.0.1", sshd.port(), T)) {
            assertNotNull(ds.in());
            assertEquals("SSH-", new String(ds.in().readNBytes(4)));
        }
    }
}
