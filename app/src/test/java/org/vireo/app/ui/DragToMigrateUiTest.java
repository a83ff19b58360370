package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.main.TreeRow;
import org.vireo.app.migrate.DragToMigrate;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/**
 * User story: an admin drags a running VM from host A onto host B in the real window, confirms the dialog
 * (pre-filled with B), and the VM then shows under B, runs there and is gone from A (checked with separate
 * libvirt connections to both daemons).
 */
@Tag("ui")
@Tag("testbed")
@ExtendWith(ApplicationExtension.class)
class DragToMigrateUiTest {
    /** Sorts first among host A's guests, so others' guests coming and going do not move its row. */
    private static final String PREFIX = "0vireo-migui";
    @TempDir
    static Path home;

    private static Testbed bed;
    private static TestGuests guests;
    private static String name;
    private static String uuid;
    private AppContext context;

    @Start
    void start(Stage stage) throws LibvirtException {
        bed = Testbed.require();
        guests = new TestGuests(bed);
        name = TestGuests.uniqueName(PREFIX);
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            Domain d = guests.define(a, name);
            d.create();
            uuid = d.getUUIDString();
            d.free();
        } finally {
            a.close();
        }
        try {
            context = TestbedWindow.show(stage, home, bed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() throws LibvirtException {
        context.close();
        TestbedWindow.removeGuests(bed, guests, PREFIX);
    }

    @Test
    void dragARunningVmOntoHostBMigratesItThere(FxRobot robot) throws Exception {
        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        String idA = hostId(tree, bed.hostA().unixUri());
        String idB = hostId(tree, bed.hostB().unixUri());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vmRow(tree, idA).isPresent() && hostRowIsConnected(tree, idB));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rowNode(robot, r -> r instanceof TreeRow.VmRow v
                && v.connectionId().equals(idA) && v.vm().uuid().equals(uuid)).isPresent());
        // The shared test bed's other guests may still shift rows between the look-up and the press: try the
        // gesture again (at most three times) until the VM's row is the one being dragged.
        for (int attempt = 1; ; attempt++) {
            Node vmNode = rowNode(robot, r -> r instanceof TreeRow.VmRow v && v.vm().uuid().equals(uuid)).orElseThrow();
            robot.drag(vmNode, MouseButton.PRIMARY).moveTo(hostRowNode(robot, idA));
            if (robot.lookup(".tree-table-row-cell").queryAll().stream()
                    .anyMatch(n -> n.getPseudoClassStates().contains(DragToMigrate.DRAGGED)) || attempt == 3) {
                break;
            }
            robot.release(MouseButton.PRIMARY);
        }
        // Rows are recycled as the tree lays out again: look them up by what they show, not by node.
        assertTrue(!hostRowNode(robot, idA).getPseudoClassStates().contains(DragToMigrate.TARGET), "its own host is no target");
        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getText().startsWith("Cannot migrate to 2 host A (vireo-a):"
                + " the VM is already on"));
        robot.moveTo(hostRowNode(robot, idB));
        assertTrue(hostRowNode(robot, idB).getPseudoClassStates().contains(DragToMigrate.TARGET), () -> "host B highlights as a target;"
                + " dragged rows: " + robot.lookup(".tree-table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(DragToMigrate.DRAGGED)).count() + ", status '"
                + robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText() + "'");
        org.controlsfx.control.StatusBar statusBar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> statusBar.getText().startsWith("Drop to migrate " + name));
        long dropped = System.nanoTime();
        robot.release(MouseButton.PRIMARY);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#migrateStart").tryQuery().isPresent());
        ComboBox<HostConnection> destination = robot.lookup("#migrateDestination").queryAs(ComboBox.class);
        assertEquals(idB, destination.getValue().id(), "pre-filled with the host it was dropped on");
        robot.interact(() -> {
            robot.lookup("#migrateUri").queryAs(TextField.class).setText("tcp://127.0.0.1");
            robot.lookup("#migrateListen").queryAs(TextField.class).setText("127.0.0.1");
        });
        Button startButton = robot.lookup("#migrateStart").queryButton();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !startButton.isDisabled());
        long confirmed = System.nanoTime();
        robot.clickOn(startButton);

        // B lists the incoming guest (paused) while it moves; it is done when A no longer lists it.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vmRow(tree, idB).isPresent() && vmRow(tree, idA).isEmpty());
        long shown = System.nanoTime();
        // Pressing on its row to drag it selected it: the selection follows it to B.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue() instanceof TreeRow.VmRow v
                && v.connectionId().equals(idB) && v.vm().uuid().equals(uuid));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#migrateResult").queryAs(Label.class).getText().isEmpty());
        assertTrue(robot.lookup("#migrateResult").queryAs(Label.class).getText().contains("now runs on"),
                robot.lookup("#migrateResult").queryAs(Label.class).getText());
        robot.clickOn("#migrateClose");

        Connect b = new Connect(bed.hostB().unixUri());
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            Domain onB = b.domainLookupByUUIDString(uuid);
            assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, onB.getInfo().state);
            assertTrue(bed.hostB().vncPortInRange(TestGuests.vncPort(onB.getXMLDesc(0))));
            onB.free();
            assertTrue(List.of(a.listDomains()).isEmpty() || !running(a, uuid), "not running on A");
        } finally {
            a.close();
            b.close();
        }
        System.out.printf("[migration] UI: drop to dialog %d ms; confirm to VM shown under B %d ms%n",
                (confirmed - dropped) / 1_000_000, (shown - confirmed) / 1_000_000);
    }

    /** After "don't ask again" in the dialog, the next drop migrates at once with the same options. */
    @Test
    void dontAskAgainMigratesTheNextDropAtOnce(FxRobot robot) throws Exception {
        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        String idA = hostId(tree, bed.hostA().unixUri());
        String idB = hostId(tree, bed.hostB().unixUri());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vmRow(tree, idA, uuid).isPresent() && hostRowIsConnected(tree, idB));
        dragOnto(robot, uuid, idA, idB);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#migrateStart").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#migrateUri").queryAs(TextField.class).setText("tcp://127.0.0.1");
            robot.lookup("#migrateListen").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#migrateDontAsk").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        Button startButton = robot.lookup("#migrateStart").queryButton();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !startButton.isDisabled());
        robot.clickOn(startButton);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#migrateResult").queryAs(Label.class).getText()
                .contains("now runs on"));
        robot.clickOn("#migrateClose");

        String second;
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            Domain d = guests.define(a, TestGuests.uniqueName(PREFIX));
            d.create();
            second = d.getUUIDString();
            d.free();
        } finally {
            a.close();
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vmRow(tree, idA, second).isPresent());
        dragOnto(robot, second, idA, idB);

        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vmRow(tree, idB, second).isPresent()
                    && vmRow(tree, idA, second).isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the second guest did not move; status '" + robot.lookup("#statusBar")
                    .queryAs(org.controlsfx.control.StatusBar.class).getText() + "', windows "
                    + robot.listWindows().stream().map(w -> w instanceof Stage st ? st.getTitle() : w.toString()).toList(), e);
        }
        assertTrue(robot.lookup("#migrateStart").tryQuery().isEmpty(), "no dialog the second time");
        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.getText().contains("migrated to 1 host B"));
    }

    /** Presses on the VM's row, drags to the destination host's row and releases there. */
    private static void dragOnto(FxRobot robot, String vmUuid, String fromId, String toId) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rowNode(robot, r -> r instanceof TreeRow.VmRow v
                && v.vm().uuid().equals(vmUuid)).isPresent());
        for (int attempt = 1; ; attempt++) {
            Node vmNode = rowNode(robot, r -> r instanceof TreeRow.VmRow v && v.vm().uuid().equals(vmUuid)).orElseThrow();
            robot.drag(vmNode, MouseButton.PRIMARY).moveTo(hostRowNode(robot, fromId));
            if (robot.lookup(".tree-table-row-cell").queryAll().stream()
                    .anyMatch(n -> n.getPseudoClassStates().contains(DragToMigrate.DRAGGED)) || attempt == 3) {
                break;
            }
            robot.release(MouseButton.PRIMARY);
        }
        robot.moveTo(hostRowNode(robot, toId));
        robot.release(MouseButton.PRIMARY);
    }

    private static Optional<TreeRow.VmRow> vmRow(TreeTableView<TreeRow> tree, String hostId, String vmUuid) {
        return rows(tree).stream().filter(r -> r instanceof TreeRow.VmRow v && v.connectionId().equals(hostId)
                && v.vm().uuid().equals(vmUuid)).map(r -> (TreeRow.VmRow) r).findFirst();
    }

    private static boolean running(Connect conn, String uuid) throws LibvirtException {
        for (int id : conn.listDomains()) {
            Domain d = conn.domainLookupByID(id);
            try {
                if (d.getUUIDString().equals(uuid)) {
                    return true;
                }
            } finally {
                d.free();
            }
        }
        return false;
    }

    private static String hostId(TreeTableView<TreeRow> tree, String uri) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hostRow(tree, uri).isPresent());
        return hostRow(tree, uri).orElseThrow().host().connectionId();
    }

    private static boolean hostRowIsConnected(TreeTableView<TreeRow> tree, String id) {
        return rows(tree).stream().anyMatch(r -> r instanceof TreeRow.HostRow h && h.host().connectionId().equals(id)
                && h.host().state().isConnected());
    }

    private static Optional<TreeRow.HostRow> hostRow(TreeTableView<TreeRow> tree, String uri) {
        return rows(tree).stream().filter(r -> r instanceof TreeRow.HostRow h && h.host().uri().equals(uri))
                .map(r -> (TreeRow.HostRow) r).findFirst();
    }

    private static Optional<TreeRow.VmRow> vmRow(TreeTableView<TreeRow> tree, String hostId) {
        return rows(tree).stream().filter(r -> r instanceof TreeRow.VmRow v && v.connectionId().equals(hostId)
                && v.vm().uuid().equals(uuid)).map(r -> (TreeRow.VmRow) r).findFirst();
    }

    private static Node hostRowNode(FxRobot robot, String id) {
        return rowNode(robot, r -> r instanceof TreeRow.HostRow h && h.host().connectionId().equals(id)).orElseThrow();
    }

    private static Optional<Node> rowNode(FxRobot robot, java.util.function.Predicate<TreeRow> which) {
        return robot.lookup(".tree-table-row-cell").match(cell -> cell instanceof TreeTableRow<?> r
                && r.getItem() instanceof TreeRow t && which.test(t)).tryQuery();
    }

    private static List<TreeRow> rows(TreeTableView<TreeRow> tree) {
        List<TreeRow> rows = new ArrayList<>();
        collect(tree.getRoot(), rows);
        return rows;
    }

    private static void collect(TreeItem<TreeRow> item, List<TreeRow> rows) {
        if (item.getValue() != null) {
            rows.add(item.getValue());
        }
        item.getChildren().forEach(child -> collect(child, rows));
    }
}
