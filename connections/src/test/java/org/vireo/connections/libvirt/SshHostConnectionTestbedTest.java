package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.ssh.TestSshd;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.connections.support.Await;
import org.vireo.connections.support.UnixSocketRelay;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/**
 * HostConnection through Vireo's own SSH opener against the test bed. Faults are injected on servers this
 * test owns: its own sshd (killed, stopped) in front of host A's libvirt socket, and a UNIX socket relay in
 * front of that socket standing in for the daemon (cutting it is what a client sees when libvirtd dies: the
 * connection ends and the socket is gone). The shared test bed's daemons are never touched.
 */
@Tag("testbed")
class SshHostConnectionTestbedTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ReconnectPolicy QUICK = new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), 40, 0.2);

    @TempDir
    Path dir;
    Testbed bed;
    Path home;
    SshSessions sessions;
    final List<HostConnection> hosts = new ArrayList<>();
    final List<AutoCloseable> servers = new ArrayList<>();
    TestGuests guests;

    /** Every snapshot a host published, with when. */
    record Seen(long nanos, HostSnapshot snapshot) {}

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        guests = new TestGuests(bed);
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(bed.knownHosts(), home.resolve(".ssh/known_hosts"));
        Files.writeString(home.resolve(".ssh/config"), String.join("\n",
                "Host hostb-via-a",
                "  HostName 127.0.0.1",
                "  Port " + bed.hostB().sshPort(),
                "  User root",
                "  ProxyJump root@127.0.0.1:" + bed.hostA().sshPort(),
                "Host *",
                "  IdentityFile " + bed.sshKey(),
                ""));
        sessions = new SshSessions(SshSettings.forHome(home, Map.of(), "root"), HostKeyPrompt.refuseUnknown(),
                AuthPrompt.none());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HostConnection h : hosts) {
            h.closeAsync().get(20, TimeUnit.SECONDS);
        }
        sessions.close();
        for (AutoCloseable s : servers) {
            s.close();
        }
        for (Testbed.Host h : bed.hosts()) {
            Connect c = new Connect(h.unixUri());
            try {
                guests.cleanup(c, "sshwire-");
            } finally {
                c.close();
            }
        }
    }

    private HostConnection host(ConnectionEntry entry, List<Seen> seen) {
        HostConnection h = new HostConnection(entry, OpenerByTransport.standard(sessions), Duration.ofSeconds(60), QUICK);
        h.addListener(s -> seen.add(new Seen(System.nanoTime(), s)));
        hosts.add(h);
        return h;
    }

    private static ConnectionEntry entry(String uri, String jumpHost) {
        return new ConnectionEntry(java.util.UUID.randomUUID().toString(), uri, null, null, true, false, jumpHost);
    }

    private static void connect(HostConnection h) throws Exception {
        h.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, h.snapshot().state(), h.snapshot().toString());
    }

    private String sshUri(Testbed.Host host) {
        return "qemu+ssh://root@127.0.0.1:" + host.sshPort() + "/system";
    }

    /** Our own sshd on a free port, authorised for the test bed's key, already in known_hosts. */
    private TestSshd ownSshd() throws Exception {
        TestSshd sshd = TestSshd.start(dir.resolve("sshd"), bed.sshKey().resolveSibling("authorized_keys"));
        servers.add(sshd);
        Files.writeString(home.resolve(".ssh/known_hosts"), sshd.knownHostsLine() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        return sshd;
    }

    @Test
    void bothHostsByQemuSshListTheirVmsAndStartOne() throws Exception {
        String name = TestGuests.uniqueName("sshwire-start");
        Connect direct = new Connect(bed.hostA().unixUri());
        try {
            guests.define(direct, name).free();
        } finally {
            direct.close();
        }
        List<Seen> seenA = new CopyOnWriteArrayList<>();
        HostConnection a = host(entry(sshUri(bed.hostA()), null), seenA);
        HostConnection b = host(entry(sshUri(bed.hostB()), null), new CopyOnWriteArrayList<>());
        connect(a);
        connect(b);
        assertEquals(bed.hostA().hostname(), a.snapshot().info().hostname());
        assertEquals(bed.hostB().hostname(), b.snapshot().info().hostname());
        VmInfo vm = a.snapshot().vms().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed on A: " + a.snapshot().vms()));
        assertEquals(VmState.SHUTOFF, vm.state());
        assertTrue(b.snapshot().vms().stream().noneMatch(v -> v.name().equals(name)), "A's guest is not on B");

        a.start(vm.uuid()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(VmState.RUNNING, a.snapshot().vms().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow().state());
    }

    @Test
    void hostBThroughHostAByProxyJumpInSshConfig() throws Exception {
        HostConnection b = host(entry("qemu+ssh://hostb-via-a/system", null), new CopyOnWriteArrayList<>());
        connect(b);
        assertEquals(bed.hostB().hostname(), b.snapshot().info().hostname());
    }

    @Test
    void hostBThroughHostAByTheConnectionsOwnJumpHost() throws Exception {
        HostConnection b = host(entry(sshUri(bed.hostB()), "root@127.0.0.1:" + bed.hostA().sshPort()),
                new CopyOnWriteArrayList<>());
        connect(b);
        assertEquals(bed.hostB().hostname(), b.snapshot().info().hostname());
    }

    private static long firstAfter(List<Seen> seen, long since, ConnectionState state) {
        return seen.stream().filter(s -> s.nanos() >= since && s.snapshot().state() == state).mapToLong(Seen::nanos)
                .findFirst().orElse(-1);
    }

    private static String states(List<Seen> seen) {
        return seen.stream().map(s -> s.snapshot().state() + (s.snapshot().reason() == null ? "" : " (" + s.snapshot().reason() + ")"))
                .toList().toString();
    }

    @Test
    void sshdKilledMarksTheHostLostWithin10sThenItReconnectsWhenSshdIsBack() throws Exception {
        TestSshd sshd = ownSshd();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HostConnection h = host(entry("qemu+ssh://root@127.0.0.1:" + sshd.port() + "/system?socket="
                + bed.hostA().socket(), null), seen);
        connect(h);

        long killed = System.nanoTime();
        sshd.stop(); // SIGKILL to the listener and the session's sshd processes

        Await.until(Duration.ofSeconds(10), () -> firstAfter(seen, killed, ConnectionState.LOST) > 0, () -> states(seen));
        Await.until(WAIT, () -> firstAfter(seen, killed, ConnectionState.RECONNECTING) > 0, () -> states(seen));
        // attempts fail while sshd is down, and say why and when the next one is
        Await.until(WAIT, () -> seen.stream().anyMatch(s -> s.snapshot().state() == ConnectionState.RECONNECTING
                && String.valueOf(s.snapshot().reason()).contains("(next attempt 2 of")), () -> states(seen));
        assertEquals(ConnectionState.RECONNECTING, h.snapshot().state(), states(seen));

        long restarted = System.nanoTime();
        sshd.restart();
        Await.until(WAIT, () -> h.snapshot().state() == ConnectionState.CONNECTED, () -> states(seen));
        System.out.printf("sshd killed: LOST after %d ms; reconnected %d ms after sshd restart%n",
                (firstAfter(seen, killed, ConnectionState.LOST) - killed) / 1_000_000,
                (firstAfter(seen, restarted, ConnectionState.CONNECTED) - restarted) / 1_000_000);
        assertEquals(bed.hostA().hostname(), h.snapshot().info().hostname());
    }

    @Test
    void stalledSshdIsNoticedWithin10sByKeepalive() throws Exception {
        TestSshd sshd = ownSshd();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HostConnection h = host(entry("qemu+ssh://root@127.0.0.1:" + sshd.port() + "/system?socket="
                + bed.hostA().socket(), null), seen);
        connect(h);

        long stopped = System.nanoTime();
        sshd.signalAll("STOP"); // the host hangs: nothing closes, only keepalives can tell

        try {
            Await.until(Duration.ofSeconds(10), () -> firstAfter(seen, stopped, ConnectionState.LOST) > 0, () -> states(seen));
            System.out.printf("sshd stopped: LOST after %d ms: %s%n",
                    (firstAfter(seen, stopped, ConnectionState.LOST) - stopped) / 1_000_000, states(seen));
        } finally {
            sshd.signalAll("CONT");
        }
        Await.until(Duration.ofSeconds(30), () -> h.snapshot().state() == ConnectionState.CONNECTED, () -> states(seen));
    }

    @Test
    void libvirtDaemonGoneMarksTheHostLostThenItReconnectsWhenBack() throws Exception {
        TestSshd sshd = ownSshd();
        UnixSocketRelay daemon = new UnixSocketRelay(dir.resolve("libvirt-relay.sock"), bed.hostA().socket());
        servers.add(daemon);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HostConnection h = host(entry("qemu+ssh://root@127.0.0.1:" + sshd.port() + "/system?socket=" + daemon.path(),
                null), seen);
        connect(h);

        long cut = System.nanoTime();
        daemon.cut();

        Await.until(Duration.ofSeconds(10), () -> firstAfter(seen, cut, ConnectionState.LOST) > 0, () -> states(seen));
        Await.until(WAIT, () -> seen.stream().anyMatch(s -> s.nanos() > cut
                && s.snapshot().state() == ConnectionState.RECONNECTING
                && String.valueOf(s.snapshot().reason()).contains("No libvirt qemu daemon socket")), () -> states(seen));

        daemon.resume();
        Await.until(WAIT, () -> h.snapshot().state() == ConnectionState.CONNECTED, () -> states(seen));
        System.out.printf("daemon cut: LOST after %d ms%n", (firstAfter(seen, cut, ConnectionState.LOST) - cut) / 1_000_000);
    }

    @Test
    void noTypedSecretEndsUpInVireosFolders() throws Exception {
        TestSshd sshd = ownSshd();
        String secret = "sshwire-passphrase-" + Long.toHexString(System.nanoTime());
        Path lockedKey = dir.resolve("locked_key");
        Files.copy(bed.sshKey(), lockedKey);
        run("ssh-keygen", "-q", "-p", "-P", "", "-N", secret, "-f", lockedKey.toString());
        Path secretHome = dir.resolve("secret-home");
        Files.createDirectories(secretHome.resolve(".ssh"));
        Files.copy(home.resolve(".ssh/known_hosts"), secretHome.resolve(".ssh/known_hosts"));
        Files.writeString(secretHome.resolve(".ssh/config"), "Host locked\n  HostName 127.0.0.1\n  Port " + sshd.port()
                + "\n  User root\n  IdentityFile " + lockedKey + "\n");
        AtomicInteger asked = new AtomicInteger();
        AuthPrompt typing = new AuthPrompt() {
            @Override
            public char[] passphrase(String keyFile) {
                asked.incrementAndGet();
                return secret.toCharArray();
            }

            @Override
            public char[] password(String destination) {
                return null;
            }

            @Override
            public char[][] keyboardInteractive(String destination, String name, String instruction,
                                                List<Question> questions) {
                return null;
            }
        };
        Path xdg = dir.resolve("xdg");
        ConnectionStore store = new ConnectionStore(xdg.resolve("config/vireo"));
        ConnectionEntry locked = entry("qemu+ssh://locked/system?socket=" + bed.hostA().socket(), null);
        store.save(List.of(locked));
        DemoHost.uri(xdg.resolve("cache/vireo"));
        Files.createDirectories(xdg.resolve("state/vireo"));
        try (SshSessions typed = new SshSessions(SshSettings.forHome(secretHome, Map.of(), "root"),
                HostKeyPrompt.refuseUnknown(), typing)) {
            HostConnection h = new HostConnection(store.load().entries().get(0), OpenerByTransport.standard(typed),
                    Duration.ofSeconds(60), QUICK);
            hosts.add(h);
            connect(h);
            store.save(List.of(locked.withAutoconnect(false)));
            h.closeAsync().get(20, TimeUnit.SECONDS);
        }

        assertTrue(asked.get() >= 1, "the passphrase was asked for");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(xdg)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(secret), "the passphrase is in " + f);
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
