package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppLogging;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.main.MainViewModel;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.ssh.TestSshd;
import org.vireo.connections.support.UnixSocketRelay;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;

/**
 * The SSH user stories end to end through the main window, against the test bed: the app is started with
 * {@link MainStage#show} on an {@link AppContext} whose SSH settings point at a test HOME (its own
 * ~/.ssh/config and known_hosts) and whose log goes to the test's own state folder. Faults are injected on
 * servers this test owns (its own sshd, a UNIX socket relay standing in for the libvirt daemon's socket); the
 * shared test bed's daemons are never touched.
 */
@Tag("testbed")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SshWindowTestbedUiTest {
    private static final long WAIT_S = 30;
    private static final String GUEST_PREFIX = "winssh-";

    @TempDir
    Path dir;
    Testbed bed;
    /** Removes only the guests it made: one instance defines and cleans up, or a test's guest stays on host A. */
    TestGuests guests;
    Path home;
    Path knownHosts;
    AppPaths paths;
    Stage stage;
    AppContext context;
    FxHostKeyPrompt hostKeys;
    FxAuthPrompt auth;
    Handler log;
    final List<AutoCloseable> servers = new ArrayList<>();
    final List<Process> processes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        guests = new TestGuests(bed);
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        knownHosts = home.resolve(".ssh/known_hosts");
        Files.writeString(knownHosts, "");
        writeSshConfig("Host *\n  IdentityFile " + bed.sshKey() + "\n");
        Path xdg = dir.resolve("xdg");
        paths = new AppPaths(xdg.resolve("config/vireo"), xdg.resolve("state/vireo"), xdg.resolve("cache/vireo"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (hostKeys != null) {
            hostKeys.close();
            auth.close();
        }
        if (context != null) {
            context.fleet().closeAsync().get(20, TimeUnit.SECONDS);
            context.close();
        }
        if (log != null) {
            Logger.getLogger("").removeHandler(log);
            log.close();
        }
        for (AutoCloseable s : servers) {
            s.close();
        }
        for (Process p : processes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Connect c = new Connect(bed.hostA().unixUri());
        try {
            guests.cleanup(c, GUEST_PREFIX);
        } finally {
            c.close();
        }
    }

    // ---- user stories ----------------------------------------------------------------------------------

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndAcceptAndSaveConnectsAndSavesIt(FxRobot robot) throws Exception {
        String guest = defineGuestOnA();
        String uri = "qemu+ssh://root@127.0.0.1:" + bed.hostA().sshPort() + "/system";
        MainViewModel window = openWindow(robot, Map.of());

        robot.interact(() -> window.addConnection(uri));

        // What the prompt showed, read together once its window is on screen (not node by node afterwards).
        ShownKey shown = UiWait.until(Duration.ofSeconds(WAIT_S), "the host-key prompt, shown", () -> robot
                .lookup("#hostKeyFingerprint").match(NodeQueryUtils.isVisible()).tryQueryAs(TextField.class)
                .map(f -> new ShownKey(f.getText(), robot.from(f.getScene().getRoot()).lookup("#hostKeyType")
                        .queryAs(TextField.class).getText())));
        assertEquals(bedFingerprint(bed.hostA().sshPort()), shown.fingerprint());
        assertEquals(keygenFingerprint(bed.hostA().sshPort()), shown.fingerprint(), "as ssh-keygen -lf prints it");
        assertEquals("ssh-ed25519", shown.type());
        assertEquals("", Files.readString(knownHosts), "nothing saved before the user answers");
        Screenshots.save(robot, "window-host-key-unknown");

        UiClick.on(robot, "#hostKeyAcceptAndSave");

        HostTreeLookup tree = new HostTreeLookup(robot);
        awaitConnected(tree, uri);
        waitFor(() -> tree.vmNames(uri).contains(guest), () -> "VMs " + tree.vmNames(uri));
        String saved = Files.readString(knownHosts);
        assertTrue(saved.startsWith("[127.0.0.1]:" + bed.hostA().sshPort() + " ssh-ed25519 "), saved);
        assertEquals(1, saved.lines().count(), saved);
        assertEquals(bedKeyLine(bed.hostA().sshPort()), saved.strip(), "the very key the bed's sshd has");
    }

    @Test
    void aSwappedHostKeyIsRefusedWithBothFingerprintsAndTheLineToRemoveAndNothingIsSaved(FxRobot robot) throws Exception {
        TestSshd sshd = ownSshd();
        String oldFingerprint = keygenFingerprint(Path.of(sshd.hostKey() + ".pub"));
        sshd.restartWithNewHostKey();
        String newFingerprint = keygenFingerprint(Path.of(sshd.hostKey() + ".pub"));
        String before = Files.readString(knownHosts);
        String uri = sshUri(sshd, bed.hostA().socket());
        MainViewModel window = openWindow(robot, Map.of());

        robot.interact(() -> window.addConnection(uri));

        HostTreeLookup tree = new HostTreeLookup(robot);
        String warning = until("the changed-key warning", () -> robot.lookup(".dialog-pane")
                .match(n -> n instanceof DialogPane p && p.getContentText() != null && p.getContentText().contains("CHANGED"))
                .tryQueryAs(DialogPane.class).map(DialogPane::getContentText), () -> "host " + tree.host(uri));
        assertTrue(warning.contains(oldFingerprint), warning);
        assertTrue(warning.contains(newFingerprint), warning);
        assertTrue(warning.contains(knownHosts + ":1"), warning);
        Screenshots.save(robot, "window-host-key-changed");
        waitFor(() -> tree.host(uri).map(h -> h.state() == ConnectionState.DISCONNECTED).orElse(false)
                && tree.showsCell("Disconnected: ", "CHANGED"), () -> "host " + tree.host(uri));
        assertEquals(before, Files.readString(knownHosts), "nothing saved");
        assertTrue(UiWait.onFx(() -> robot.lookup("#hostKeyDialog").tryQuery().isEmpty()),
                "a changed key is never offered for acceptance");
    }

    @Test
    void sshdKilledShowsTheHostLostWithin10sWhileTheWindowStaysResponsiveThenItReconnectsByItself(FxRobot robot)
            throws Exception {
        TestSshd sshd = ownSshd();
        String uri = sshUri(sshd, bed.hostA().socket());
        HostTreeLookup tree = new HostTreeLookup(robot);
        MainViewModel window = openWindow(robot, Map.of());
        robot.interact(() -> window.addConnection(uri));
        awaitConnected(tree, uri);

        try (FxThreadProbe probe = FxThreadProbe.start()) {
            long killed = System.nanoTime();
            sshd.stop(); // SIGKILL to the listener and the session's sshd process
            waitFor(() -> tree.showsCell("Connection lost", "") || tree.showsCell("Reconnecting", ""),
                    () -> "host " + tree.host(uri));
            long shownMs = (System.nanoTime() - killed) / 1_000_000;
            assertTrue(shownMs <= 10_000, "lost shown after " + shownMs + " ms");
            waitFor(() -> tree.showsCell("Reconnecting", "(next attempt 2 of"), () -> "host " + tree.host(uri));

            long restarted = System.nanoTime();
            sshd.restart();
            awaitConnected(tree, uri);
            long backMs = (System.nanoTime() - restarted) / 1_000_000;
            System.out.printf("window, sshd killed: lost shown after %d ms, connected again %d ms after restart; %s%n",
                    shownMs, backMs, probe);
            assertTrue(probe.samples() > 100, probe.toString());
            assertEquals(Map.of(), probe.blockingCalls(), "the FX thread never waits on the network or libvirt");
        }
    }

    /**
     * libvirtd cannot be killed on the shared bed, so a UNIX socket relay in front of host A's daemon socket stands
     * in for it: cutting the relay is what a client sees when the daemon dies (connection ends, socket gone).
     */
    @Test
    void libvirtDaemonGoneShowsTheHostLostWhileTheWindowStaysResponsiveThenItReconnectsByItself(FxRobot robot)
            throws Exception {
        TestSshd sshd = ownSshd();
        UnixSocketRelay daemon = new UnixSocketRelay(dir.resolve("libvirt-relay.sock"), bed.hostA().socket());
        servers.add(daemon);
        String uri = sshUri(sshd, daemon.path());
        HostTreeLookup tree = new HostTreeLookup(robot);
        MainViewModel window = openWindow(robot, Map.of());
        robot.interact(() -> window.addConnection(uri));
        awaitConnected(tree, uri);

        try (FxThreadProbe probe = FxThreadProbe.start()) {
            long cut = System.nanoTime();
            daemon.cut();
            waitFor(() -> tree.showsCell("Connection lost", "") || tree.showsCell("Reconnecting", ""),
                    () -> "host " + tree.host(uri));
            long shownMs = (System.nanoTime() - cut) / 1_000_000;
            assertTrue(shownMs <= 10_000, "lost shown after " + shownMs + " ms");
            waitFor(() -> tree.showsCell("Reconnecting", "No libvirt qemu daemon socket"), () -> "host " + tree.host(uri));

            long resumed = System.nanoTime();
            daemon.resume();
            awaitConnected(tree, uri);
            System.out.printf("window, daemon socket cut: lost shown after %d ms, connected again %d ms after it came"
                    + " back; %s%n", shownMs, (System.nanoTime() - resumed) / 1_000_000, probe);
            assertTrue(probe.samples() > 100, probe.toString());
            assertEquals(Map.of(), probe.blockingCalls(), "the FX thread never waits on the network or libvirt");
        }
    }

    @Test
    void aKeyTheHostDoesNotAcceptGivesAClearErrorInTheTree(FxRobot robot) throws Exception {
        Path stranger = offerAKeyHostARefuses();
        String uri = "qemu+ssh://root@127.0.0.1:" + bed.hostA().sshPort() + "/system";
        HostTreeLookup tree = new HostTreeLookup(robot);
        MainViewModel window = openWindow(robot, Map.of());

        robot.interact(() -> window.addConnection(uri));

        HostSnapshot refused = until("the refusal in the tree", () -> tree.host(uri).filter(h -> tree.showsCell(
                "Disconnected: ", "Authentication to root@127.0.0.1:" + bed.hostA().sshPort() + " failed")),
                () -> "host " + tree.host(uri));
        assertTrue(refused.reason().english().contains(stranger.toString()), "the reason names the key offered: " + refused);
        assertTrue(UiWait.onFx(() -> robot.lookup("#authDialog").tryQuery().isEmpty()), "an unencrypted key needs no dialog");
    }

    @Test
    void aFrenchWindowExplainsTheRefusedKeyInFrench(FxRobot robot) throws Exception {
        Path stranger = offerAKeyHostARefuses();
        String uri = "qemu+ssh://root@127.0.0.1:" + bed.hostA().sshPort() + "/system";
        HostTreeLookup tree = new HostTreeLookup(robot);
        MainViewModel window = openWindow(robot, Map.of(), new Messages(Locale.FRENCH));

        robot.interact(() -> window.addConnection(uri));

        String expected = "D\u00e9connect\u00e9\u00a0: Impossible de se connecter \u00e0 " + uri + "\u00a0: \u00c9chec de"
                + " l\u2019authentification sur root@127.0.0.1:" + bed.hostA().sshPort() + "\u00a0: le serveur n\u2019a"
                + " accept\u00e9 aucun des identifiants propos\u00e9s (" + stranger + ", mot de passe ou"
                + " keyboard-interactive s\u2019il est demand\u00e9)";
        HostSnapshot refused = until("the French refusal in the tree", () -> tree.host(uri)
                .filter(h -> tree.showsCell(expected, "")), () -> "host " + tree.host(uri));
        UiClick.on(robot, "the host's name cell", () -> robot.lookup("#hostTree .tree-table-cell")
                .match(cell -> cell instanceof Labeled l && "127.0.0.1".equals(l.getText())).tryQuery());
        String overview = "D\u00e9connect\u00e9 \u2014 " + expected.substring(expected.indexOf("Impossible"));
        waitFor(() -> robot.lookup(".label").match(n -> n instanceof Labeled l
                && overview.equals(l.getText())).tryQuery().isPresent(), () -> "overview of " + tree.host(uri));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, "window-french-auth-refused");
        assertTrue(refused.reason().english().startsWith("Cannot connect to " + uri
                + ": Authentication to root@127.0.0.1:"), "English stays for logs and the CLI: " + refused);
    }

    @Test
    void aKeyInTheUsersSshAgentLogsIn(FxRobot robot) throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        processes.add(agent);
        // Not a look at the window: polled off the FX thread.
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> Files.exists(socket));
        Path agentKey = keygen(dir.resolve("agent_key"), "");
        run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", agentKey.toString());
        TestSshd sshd = ownSshd();
        authorise(agentKey);
        writeSshConfig("Host *\n  User root\n"); // no key files at all: only the agent can log in
        String uri = "qemu+ssh://127.0.0.1:" + sshd.port() + "/system?socket=" + bed.hostA().socket();
        HostTreeLookup tree = new HostTreeLookup(robot);
        MainViewModel window = openWindow(robot, Map.of("SSH_AUTH_SOCK", socket.toString()));

        robot.interact(() -> window.addConnection(uri));

        awaitConnected(tree, uri);
        assertTrue(UiWait.onFx(() -> robot.lookup("#authDialog").tryQuery().isEmpty()), "the agent answered; nothing was asked");
    }

    /**
     * A passphrase typed in the login dialog opens the key and the host connects; afterwards no file under the
     * app's config, state (the log included) or cache folder contains it.
     */
    @Test
    void aPassphraseTypedInTheDialogLogsInAndIsWrittenNowhere(FxRobot robot) throws Exception {
        TestSshd sshd = ownSshd();
        String secret = "winssh-passphrase-" + Long.toHexString(System.nanoTime());
        Path locked = keygen(dir.resolve("locked_key"), secret);
        authorise(locked);
        writeSshConfig("Host *\n  IdentityFile " + locked + "\n");
        String uri = sshUri(sshd, bed.hostA().socket());
        HostTreeLookup tree = new HostTreeLookup(robot);
        MainViewModel window = openWindow(robot, Map.of());

        robot.interact(() -> window.addConnection(uri));

        // present and shown: the dialog's field exists a moment before its window is on screen
        UiWait.until(Duration.ofSeconds(WAIT_S), "the login dialog's answer field",
                () -> robot.lookup("#authAnswer0").match(NodeQueryUtils.isVisible()).tryQuery());
        Screenshots.save(robot, "window-passphrase");
        UiClick.on(robot, "#authAnswer0");
        robot.write(secret);
        UiClick.on(robot, "#authLogin");
        HostSnapshot connected = awaitConnected(tree, uri);

        // the user's changes are saved, and the window logs what it did
        robot.interact(() -> window.disconnect(connected.connectionId()));
        waitFor(() -> tree.host(uri).map(h -> h.state() == ConnectionState.DISCONNECTED).orElse(false),
                () -> "host " + tree.host(uri));
        log.flush();
        List<Path> files = filesUnder(paths.config(), paths.state(), paths.cache());
        assertTrue(files.stream().anyMatch(f -> f.startsWith(paths.config())), "the connection was saved: " + files);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().matches("vireo\\.\\d+\\.log")),
                "the app log is among the files scanned: " + files);
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(secret), "the passphrase is in " + f);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Starts the app window as VireoApp does, on this test's HOME, folders and log. */
    private MainViewModel openWindow(FxRobot robot, Map<String, String> env) {
        return openWindow(robot, env, new Messages(Locale.ROOT));
    }

    private MainViewModel openWindow(FxRobot robot, Map<String, String> env, Messages messages) {
        log = AppLogging.init(paths.state());
        MainViewModel[] window = new MainViewModel[1];
        robot.interact(() -> {
            FxTaskExecutor ui = new FxTaskExecutor();
            hostKeys = new FxHostKeyPrompt(ui, messages, () -> stage);
            auth = new FxAuthPrompt(ui, messages, () -> stage);
            context = new AppContext(paths, SshSettings.forHome(home, env, "root"), hostKeys, auth);
            window[0] = MainStage.show(stage, context, List.of(), messages);
        });
        return window[0];
    }

    private HostSnapshot awaitConnected(HostTreeLookup tree, String uri) {
        return until("host " + uri + " connected", () -> tree.host(uri).filter(h -> h.state() == ConnectionState.CONNECTED
                && tree.showsCell("Connected", "")), () -> "host " + tree.host(uri));
    }

    /** Waits (reading on the FX thread) until {@code condition} holds; a failure says what {@code seen} read last. */
    private static void waitFor(Callable<Boolean> condition, Callable<String> seen) {
        UiExpect.untilTrue(Duration.ofSeconds(WAIT_S), "the window to show it", condition, seen);
    }

    private static <T> T until(String what, Callable<Optional<T>> probe, Callable<String> seen) {
        return UiExpect.until(Duration.ofSeconds(WAIT_S), what, probe, seen);
    }

    /** What the host-key prompt showed. */
    private record ShownKey(String fingerprint, String type) {
    }

    private void writeSshConfig(String text) throws Exception {
        Files.writeString(home.resolve(".ssh/config"), text);
    }

    /** The user's SSH config offers a fresh key host A does not authorise; host A's key is already known. */
    private Path offerAKeyHostARefuses() throws Exception {
        Path stranger = keygen(dir.resolve("stranger_key"), "");
        writeSshConfig("Host *\n  IdentityFile " + stranger + "\n");
        Files.writeString(knownHosts, bedKeyLine(bed.hostA().sshPort()) + "\n");
        return stranger;
    }

    private static String sshUri(TestSshd sshd, Path socket) {
        return "qemu+ssh://root@127.0.0.1:" + sshd.port() + "/system?socket=" + socket;
    }

    /** This test's own sshd (for faults), authorised for the bed's key, already in known_hosts. */
    private TestSshd ownSshd() throws Exception {
        Path authorized = dir.resolve("authorized_keys");
        if (!Files.exists(authorized)) {
            Files.copy(bed.sshKey().resolveSibling("authorized_keys"), authorized);
        }
        TestSshd sshd = TestSshd.start(dir.resolve("sshd"), authorized);
        servers.add(sshd);
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n", StandardOpenOption.APPEND);
        return sshd;
    }

    /** Lets {@code key} log in to this test's own sshd, and to no other server. */
    private void authorise(Path key) throws Exception {
        Path authorized = dir.resolve("authorized_keys");
        if (!Files.exists(authorized)) {
            Files.copy(bed.sshKey().resolveSibling("authorized_keys"), authorized);
        }
        Files.writeString(authorized, Files.readString(Path.of(key + ".pub")), StandardOpenOption.APPEND);
    }

    private String defineGuestOnA() throws Exception {
        String name = TestGuests.uniqueName(GUEST_PREFIX);
        Connect c = new Connect(bed.hostA().unixUri());
        try {
            guests.define(c, name).free();
        } finally {
            c.close();
        }
        return name;
    }

    /** The bed's recorded known_hosts line for {@code [127.0.0.1]:port}. */
    private String bedKeyLine(int port) throws Exception {
        return Files.readAllLines(bed.knownHosts()).stream().filter(l -> l.startsWith("[127.0.0.1]:" + port + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no key for port " + port + " in " + bed.knownHosts()));
    }

    /** SHA256 of the key blob in the bed's known_hosts, as OpenSSH prints fingerprints. */
    private String bedFingerprint(int port) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(bedKeyLine(port).split(" ")[2]));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    /** {@code ssh-keygen -lf} on the bed's known_hosts entry for the port. */
    private String keygenFingerprint(int port) throws Exception {
        Path one = Files.writeString(dir.resolve("one-key-" + port), bedKeyLine(port) + "\n");
        return keygenFingerprint(one);
    }

    private static String keygenFingerprint(Path keyFile) throws Exception {
        return run(Map.of(), "ssh-keygen", "-lf", keyFile.toString()).split(" ")[1];
    }

    /** A fresh ed25519 key; {@code passphrase} empty for none. */
    private static Path keygen(Path file, String passphrase) throws Exception {
        run(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "vireo-test", "-f", file.toString());
        return file;
    }

    private static String run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static List<Path> filesUnder(Path... roots) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }
}
