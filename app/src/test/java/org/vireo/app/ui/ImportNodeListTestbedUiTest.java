package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.importing.ConnectBatch;
import org.vireo.app.importing.HostKeyReviewDialog;
import org.vireo.app.main.MainWindow;
import org.vireo.app.main.TreeRow;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;

/**
 * The import story on the test bed's two sshds, through ~/.ssh/config aliases in a test HOME whose known_hosts
 * starts empty: tbnode1-3 are [127.0.0.1]:2222 (host A), tbnode4-6 are [127.0.0.1]:2223 (host B). The node
 * list repeats each alias like an OAR node file. The review lists one row per distinct key (two rows), each
 * naming the three aliases that presented it.
 */
@Tag("testbed")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportNodeListTestbedUiTest {
    /** Six SSH logins on a loaded machine. */
    private static final Duration CONNECTING = Duration.ofSeconds(60);
    private static final List<String> ALIASES = List.of("tbnode1", "tbnode2", "tbnode3", "tbnode4", "tbnode5", "tbnode6");

    @TempDir
    Path dir;

    private Testbed bed;
    private Path knownHosts;
    private Path nodeFile;
    private AppContext context;
    private MainWindow window;
    private FxHostKeyPrompt hostKeys;
    private FxAuthPrompt auth;

    @Start
    void start(Stage stage) throws Exception {
        bed = Testbed.require();
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < ALIASES.size(); i++) {
            config.append("Host ").append(ALIASES.get(i)).append("\n  HostName 127.0.0.1\n  Port ")
                    .append(i < 3 ? bed.hostA().sshPort() : bed.hostB().sshPort()).append('\n');
        }
        config.append("Host *\n  User root\n  IdentityFile ").append(bed.sshKey()).append('\n');
        Files.writeString(home.resolve(".ssh/config"), config);
        knownHosts = home.resolve(".ssh/known_hosts");
        Files.writeString(knownHosts, "");
        // One line per reserved core, as OAR's $OAR_FILE_NODES writes them.
        StringBuilder nodes = new StringBuilder("# OAR job 4242\n");
        for (String alias : ALIASES) {
            nodes.append((alias + "\n").repeat(3));
        }
        nodeFile = dir.resolve("oar-nodes.txt");
        Files.writeString(nodeFile, nodes);

        Messages messages = new Messages(Locale.ROOT);
        FxTaskExecutor ui = new FxTaskExecutor();
        hostKeys = new FxHostKeyPrompt(ui, messages, () -> stage);
        auth = new FxAuthPrompt(ui, messages, () -> stage);
        context = new AppContext(new AppPaths(dir.resolve("config"), dir.resolve("state"), dir.resolve("cache")),
                SshSettings.forHome(home, Map.of(), "root"), hostKeys, auth);
        window = MainStage.showWindow(stage, context, List.of(), messages).window();
    }

    @AfterEach
    void close() {
        if (hostKeys != null) {
            hostKeys.close();
            auth.close();
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void importPreviewAddReviewAcceptAllAndAllSixHostsConnectInTheirGroup(FxRobot robot) throws Exception {
        openImportAndAdd(robot);

        Review review = awaitReview(robot);
        assertEquals(2, review.unknown().size(), "one row per distinct key");
        List<String> presentedBy = new ArrayList<>();
        for (ConnectBatch.UnknownKey key : review.unknown()) {
            assertEquals("127.0.0.1", key.key().host());
            assertTrue(key.key().sha256Fingerprint().startsWith("SHA256:"), key.toString());
            presentedBy.add(key.key().port() + "=" + key.hosts());
        }
        assertTrue(presentedBy.contains(bed.hostA().sshPort() + "=[tbnode1, tbnode2, tbnode3]"), presentedBy.toString());
        assertTrue(presentedBy.contains(bed.hostB().sshPort() + "=[tbnode4, tbnode5, tbnode6]"), presentedBy.toString());
        assertTrue(review.changed().isEmpty(), "no changed keys");
        awaitProgressCounts(robot, "6 waiting", c -> c.contains("6 waiting for a host-key decision"));
        shot(robot, "import-host-key-review");
        UiClick.on(robot, "#reviewAcceptAll");

        TreeTableView<TreeRow> tree = UiWait.onFx(() -> robot.lookup("#hostTree").queryAs(TreeTableView.class));
        awaitConnected(tree, ALIASES);
        awaitProgressCounts(robot, "6 connected", c -> c.startsWith("6 hosts: 6 connected"));
        shot(robot, "import-progress-connected");

        // The tree's first rows as they are once all six are connected, copied on the FX thread.
        List<TreeRow> firstRows = UiWait.onFx(() -> {
            TreeItem<TreeRow> bedFolder = tree.getRoot().getChildren().get(0);
            TreeItem<TreeRow> rack = bedFolder.getChildren().get(0);
            List<TreeRow> rows = new ArrayList<>(List.of(bedFolder.getValue(), rack.getValue()));
            rack.getChildren().forEach(i -> rows.add(i.getValue()));
            return rows;
        });
        assertEquals(new TreeRow.GroupRow("Bed"), firstRows.get(0));
        assertEquals(new TreeRow.GroupRow("Bed/rack A"), firstRows.get(1));
        assertEquals(ALIASES, firstRows.subList(2, firstRows.size()).stream()
                .map(r -> ((TreeRow.HostRow) r).host().displayName()).toList());

        List<String> saved = Files.readAllLines(knownHosts);
        assertEquals(1, saved.stream().filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostA().sshPort() + " ")).count(), saved.toString());
        assertEquals(1, saved.stream().filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " ")).count(), saved.toString());
        UiClick.on(robot, "#connectProgressClose");
        UiWait.untilTrue("the progress window closed", () -> robot.lookup("#connectProgress").tryQuery().isEmpty());
    }

    @Test
    void hostsWhoseKeyChangedAreListedApartAndNeverConnect(FxRobot robot) throws Exception {
        // Host B's key recorded under host A's name: tbnode1-3 now present a key that differs from the record.
        String bKey = Files.readAllLines(bed.knownHosts()).stream()
                .filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " ")).findFirst().orElseThrow();
        String swapped = bKey.replace(":" + bed.hostB().sshPort() + " ", ":" + bed.hostA().sshPort() + " ");
        Files.writeString(knownHosts, swapped + "\n");
        openImportAndAdd(robot);

        Review review = awaitReview(robot);
        assertEquals(1, review.unknown().size());
        ConnectBatch.UnknownKey only = review.unknown().get(0);
        assertEquals(bed.hostB().sshPort(), only.key().port());
        assertEquals(1, review.changed().size());
        ConnectBatch.ChangedKey change = review.changed().get(0);
        assertEquals(List.of("tbnode1", "tbnode2", "tbnode3"), change.hosts());
        assertTrue(review.changedWarning().startsWith("WARNING"), review.changedWarning());
        assertTrue(change.change().knownHostsLocation().endsWith("known_hosts:1"), change.change().knownHostsLocation());
        shot(robot, "import-host-key-review-changed");
        UiClick.on(robot, "#reviewAcceptAll");

        TreeTableView<TreeRow> tree = UiWait.onFx(() -> robot.lookup("#hostTree").queryAs(TreeTableView.class));
        awaitConnected(tree, ALIASES.subList(3, 6));
        String expected = "6 hosts: 3 connected, 0 connecting, 0 waiting for a host-key decision, 3 failed";
        awaitProgressCounts(robot, expected, expected::equals);
        for (String alias : ALIASES.subList(0, 3)) {
            HostSnapshot refused = UiWait.onFx(() -> host(tree, alias)).orElseThrow();
            assertEquals(ConnectionState.DISCONNECTED, refused.state(), alias);
            assertTrue(refused.reason().english().contains("CHANGED"), refused.reason().english());
        }
        long keyChanged = UiWait.onFx(() -> robot.lookup("#connectProgressTable").queryAs(TableView.class).getItems()
                .stream().filter(r -> ((ConnectBatch.Row) r).state() == ConnectBatch.HostState.KEY_CHANGED).count());
        assertEquals(3, keyChanged);
        List<String> saved = Files.readAllLines(knownHosts);
        assertEquals(swapped, saved.get(0), "the recorded key is left alone");
        assertEquals(2, saved.size(), saved.toString());
        assertTrue(saved.get(1).startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " "), saved.toString());
    }

    /** Opens the import on the node file, checks the preview, names the group and adds the six hosts. */
    private void openImportAndAdd(FxRobot robot) {
        Platform.runLater(() -> window.importNodeList(nodeFile));
        // The preview's counts and group field, read together once the file has been read.
        Preview preview = UiWait.until("the import preview's counts", () -> robot.lookup("#importCounts")
                .tryQueryAs(Label.class).filter(l -> l.getText().startsWith("6 new")).map(l -> new Preview(l.getText(),
                        robot.from(l.getScene().getRoot()).lookup("#importGroup").queryAs(TextField.class))));
        assertTrue(preview.counts().contains("12 repeated lines merged"), preview.counts());
        assertEquals("oar-nodes", UiWait.onFx(preview.group()::getText), "group defaults to the file name");
        robot.interact(() -> preview.group().setText("Bed / rack A"));
        UiClick.Target<Button> add = UiClick.atRest("the 'Add 6 connections' button", () -> robot.lookup("#importAddButton")
                .tryQueryAs(Button.class).filter(b -> b.getText().equals("Add 6 connections")));
        shot(robot, "import-preview-oar");
        robot.clickOn(add.point());
        UiWait.until(CONNECTING, "the connect progress window", () -> robot.lookup("#connectProgressTable")
                .match(NodeQueryUtils.isVisible()).tryQuery());
    }

    private record Preview(String counts, TextField group) {
    }

    /** The host-key review as it showed: its rows copied, not the table (read again it could have changed). */
    private record Review(List<ConnectBatch.UnknownKey> unknown, List<ConnectBatch.ChangedKey> changed,
            String changedWarning) {
    }

    /** A new window needs a few pulses before the X server shows its content. */
    private static void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents(10);
        Screenshots.save(robot, name);
    }

    private static Review awaitReview(FxRobot robot) {
        return UiWait.until(CONNECTING, "the host-key review", () -> robot.lookup("#hostKeyReview")
                .match(NodeQueryUtils.isVisible()).tryQuery().map(pane -> {
                    // A fresh query each time: a NodeQuery narrows itself with every lookup.
                    List<ConnectBatch.UnknownKey> unknown = robot.from(pane).lookup("#reviewUnknownTable").queryAs(TableView.class)
                            .getItems().stream().map(r -> ((HostKeyReviewDialog.KeyRow) r).item()).toList();
                    Optional<TableView> changed = robot.from(pane).lookup("#reviewChangedTable").tryQueryAs(TableView.class);
                    return new Review(unknown, changed.map(t -> ((List<?>) t.getItems()).stream()
                            .map(r -> (ConnectBatch.ChangedKey) r).toList()).orElse(List.of()),
                            robot.from(pane).lookup("#reviewChangedWarning").tryQueryAs(Label.class).map(Label::getText).orElse(""));
                }));
    }

    /** Waits until the progress window's counts are as {@code expected}; a failure shows the counts seen. */
    private static void awaitProgressCounts(FxRobot robot, String what, java.util.function.Predicate<String> expected) {
        UiExpect.untilTrue(UiWait.LIMIT, "progress counts: " + what, () -> expected.test(progressCounts(robot)),
                () -> progressCounts(robot));
    }

    private static void awaitConnected(TreeTableView<TreeRow> tree, List<String> aliases) {
        UiExpect.untilTrue(CONNECTING, aliases + " connected", () -> aliases.stream().allMatch(a -> host(tree, a)
                .map(h -> h.state() == ConnectionState.CONNECTED).orElse(false)),
                () -> aliases.stream().map(a -> a + "=" + host(tree, a).map(HostSnapshot::state)).toList().toString());
    }

    private static String progressCounts(FxRobot robot) {
        return robot.lookup("#connectProgressCounts").tryQueryAs(Label.class).map(Label::getText).orElse("(no progress window)");
    }

    private static Optional<HostSnapshot> host(TreeTableView<TreeRow> tree, String name) {
        List<HostSnapshot> found = new ArrayList<>();
        collect(tree.getRoot(), found);
        return found.stream().filter(h -> name.equals(h.displayName())).findFirst();
    }

    private static void collect(TreeItem<TreeRow> item, List<HostSnapshot> into) {
        for (TreeItem<TreeRow> child : item.getChildren()) {
            if (child.getValue() instanceof TreeRow.HostRow h) {
                into.add(h.host());
            } else if (child.getValue() instanceof TreeRow.GroupRow) {
                collect(child, into);
            }
        }
    }
}
