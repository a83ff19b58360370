package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

        awaitReview(robot);
        TableView<?> unknown = robot.lookup("#reviewUnknownTable").queryAs(TableView.class);
        assertEquals(2, unknown.getItems().size(), "one row per distinct key");
        List<String> presentedBy = new ArrayList<>();
        for (Object row : unknown.getItems()) {
            ConnectBatch.UnknownKey key = ((HostKeyReviewDialog.KeyRow) row).item();
            assertEquals("127.0.0.1", key.key().host());
            assertTrue(key.key().sha256Fingerprint().startsWith("SHA256:"), key.toString());
            presentedBy.add(key.key().port() + "=" + key.hosts());
        }
        assertTrue(presentedBy.contains(bed.hostA().sshPort() + "=[tbnode1, tbnode2, tbnode3]"), presentedBy.toString());
        assertTrue(presentedBy.contains(bed.hostB().sshPort() + "=[tbnode4, tbnode5, tbnode6]"), presentedBy.toString());
        assertTrue(robot.lookup("#reviewChangedTable").tryQuery().isEmpty(), "no changed keys");
        assertTrue(progressCounts(robot).contains("6 waiting for a host-key decision"), progressCounts(robot));
        shot(robot, "import-host-key-review");
        robot.clickOn("#reviewAcceptAll");

        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ALIASES.stream().allMatch(a -> host(tree, a)
                .map(h -> h.state() == ConnectionState.CONNECTED).orElse(false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> progressCounts(robot).startsWith("6 hosts: 6 connected"));
        shot(robot, "import-progress-connected");

        TreeItem<TreeRow> bedFolder = tree.getRoot().getChildren().get(0);
        assertEquals(new TreeRow.GroupRow("Bed"), bedFolder.getValue());
        TreeItem<TreeRow> rack = bedFolder.getChildren().get(0);
        assertEquals(new TreeRow.GroupRow("Bed/rack A"), rack.getValue());
        assertEquals(ALIASES, rack.getChildren().stream()
                .map(i -> ((TreeRow.HostRow) i.getValue()).host().displayName()).toList());

        List<String> saved = Files.readAllLines(knownHosts);
        assertEquals(1, saved.stream().filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostA().sshPort() + " ")).count(), saved.toString());
        assertEquals(1, saved.stream().filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " ")).count(), saved.toString());
        robot.clickOn("#connectProgressClose");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#connectProgress").tryQuery().isEmpty());
    }

    @Test
    void hostsWhoseKeyChangedAreListedApartAndNeverConnect(FxRobot robot) throws Exception {
        // Host B's key recorded under host A's name: tbnode1-3 now present a key that differs from the record.
        String bKey = Files.readAllLines(bed.knownHosts()).stream()
                .filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " ")).findFirst().orElseThrow();
        String swapped = bKey.replace(":" + bed.hostB().sshPort() + " ", ":" + bed.hostA().sshPort() + " ");
        Files.writeString(knownHosts, swapped + "\n");
        openImportAndAdd(robot);

        awaitReview(robot);
        TableView<?> unknown = robot.lookup("#reviewUnknownTable").queryAs(TableView.class);
        assertEquals(1, unknown.getItems().size());
        ConnectBatch.UnknownKey only = ((HostKeyReviewDialog.KeyRow) unknown.getItems().get(0)).item();
        assertEquals(bed.hostB().sshPort(), only.key().port());
        TableView<?> changed = robot.lookup("#reviewChangedTable").queryAs(TableView.class);
        assertEquals(1, changed.getItems().size());
        ConnectBatch.ChangedKey change = (ConnectBatch.ChangedKey) changed.getItems().get(0);
        assertEquals(List.of("tbnode1", "tbnode2", "tbnode3"), change.hosts());
        assertTrue(robot.lookup("#reviewChangedWarning").queryAs(Label.class).getText().startsWith("WARNING"));
        assertTrue(change.change().knownHostsLocation().endsWith("known_hosts:1"), change.change().knownHostsLocation());
        shot(robot, "import-host-key-review-changed");
        robot.clickOn("#reviewAcceptAll");

        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ALIASES.subList(3, 6).stream().allMatch(a -> host(tree, a)
                .map(h -> h.state() == ConnectionState.CONNECTED).orElse(false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> progressCounts(robot).equals(
                "6 hosts: 3 connected, 0 connecting, 0 waiting for a host-key decision, 3 failed"));
        for (String alias : ALIASES.subList(0, 3)) {
            HostSnapshot refused = host(tree, alias).orElseThrow();
            assertEquals(ConnectionState.DISCONNECTED, refused.state(), alias);
            assertTrue(refused.reason().english().contains("CHANGED"), refused.reason().english());
        }
        TableView<?> progress = robot.lookup("#connectProgressTable").queryAs(TableView.class);
        assertEquals(3, progress.getItems().stream()
                .filter(r -> ((ConnectBatch.Row) r).state() == ConnectBatch.HostState.KEY_CHANGED).count());
        List<String> saved = Files.readAllLines(knownHosts);
        assertEquals(swapped, saved.get(0), "the recorded key is left alone");
        assertEquals(2, saved.size(), saved.toString());
        assertTrue(saved.get(1).startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " "), saved.toString());
    }

    /** Opens the import on the node file, checks the preview, names the group and adds the six hosts. */
    private void openImportAndAdd(FxRobot robot) throws TimeoutException {
        Platform.runLater(() -> window.importNodeList(nodeFile));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importCounts").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("6 new")).orElse(false));
        String counts = robot.lookup("#importCounts").queryAs(Label.class).getText();
        assertTrue(counts.contains("12 repeated lines merged"), counts);
        assertEquals("oar-nodes", robot.lookup("#importGroup").queryAs(TextField.class).getText(), "group defaults to the file name");
        robot.interact(() -> robot.lookup("#importGroup").queryAs(TextField.class).setText("Bed / rack A"));
        Button add = robot.lookup("#importAddButton").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> add.getText().equals("Add 6 connections") && !add.isDisable());
        shot(robot, "import-preview-oar");
        robot.clickOn(add);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connectProgressTable").tryQuery().isPresent());
    }

    /** A new window needs a few pulses before the X server shows its content. */
    private static void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents(10);
        Screenshots.save(robot, name);
    }

    private static void awaitReview(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyReview").tryQuery().isPresent());
    }

    private static String progressCounts(FxRobot robot) {
        return robot.lookup("#connectProgressCounts").queryAs(Label.class).getText();
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
