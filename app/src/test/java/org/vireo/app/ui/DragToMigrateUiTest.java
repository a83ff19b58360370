package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
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
import org.testfx.util.NodeQueryUtils;
import org.vireo.app.AppContext;
import org.vireo.app.main.TreeRow;
import org.vireo.app.migrate.DragToMigrate;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
    /** A VM appearing in the tree after libvirt reported it, on a loaded machine. */
    private static final Duration SHOWN = Duration.ofSeconds(30);
    /** A live migration of a small guest under TCG while other tests load the machine. */
    private static final Duration MIGRATING = Duration.ofSeconds(90);
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
        TreeTableView<TreeRow> tree = UiWait.onFx(() -> robot.lookup("#hostTree").queryAs(TreeTableView.class));
        String idA = hostId(tree, bed.hostA().unixUri());
        String idB = hostId(tree, bed.hostB().unixUri());
        UiWait.untilTrue(SHOWN, "the VM under A and host B connected", () -> vmRow(tree, idA).isPresent()
                && hostRowIsConnected(tree, idB));
        pressAndDragOntoItsOwnHost(robot, uuid, idA);
        // Its own host is no target: the status bar says why, and A's row does not highlight.
        UiWait.untilTrue("the status bar saying the VM is already on A", () -> statusText(robot)
                .startsWith("Cannot migrate to 2 host A (vireo-a): the VM is already on"));
        assertFalse(UiWait.onFx(() -> hostRowShows(robot, idA, DragToMigrate.TARGET)), "its own host is no target");
        robot.moveTo(rowSpot(robot, "host B's row", hostRow(idB)));
        UiExpect.untilTrue(UiWait.LIMIT, "host B highlighted as a target and the status bar offering the drop",
                () -> hostRowShows(robot, idB, DragToMigrate.TARGET) && statusText(robot).startsWith("Drop to migrate "
                        + name), () -> "B a target: " + hostRowShows(robot, idB, DragToMigrate.TARGET) + ", dragged rows: "
                        + robot.lookup(".tree-table-row-cell").queryAll().stream()
                        .filter(n -> n.getPseudoClassStates().contains(DragToMigrate.DRAGGED)).count()
                        + ", status '" + statusText(robot) + "'");
        long dropped = System.nanoTime();
        robot.release(MouseButton.PRIMARY);

        Node dialog = migrationDialog(robot);
        HostConnection destination = UiWait.onFx(() -> robot.from(dialog).lookup("#migrateDestination")
                .queryAs(ComboBox.class).getValue()) instanceof HostConnection h ? h : null;
        assertEquals(idB, destination == null ? null : destination.id(), "pre-filled with the host it was dropped on");
        robot.interact(() -> {
            robot.from(dialog).lookup("#migrateUri").queryAs(TextField.class).setText("tcp://127.0.0.1");
            robot.from(dialog).lookup("#migrateListen").queryAs(TextField.class).setText("127.0.0.1");
        });
        long confirmed = System.nanoTime();
        start(robot, dialog);

        // B lists the incoming guest (paused) while it moves; it is done when A no longer lists it.
        UiExpect.untilTrue(MIGRATING, "the VM listed under B and no longer under A", () -> vmRow(tree, idB).isPresent()
                && vmRow(tree, idA).isEmpty(), () -> "status '" + statusText(robot) + "', result '"
                + robot.from(dialog).lookup("#migrateResult").queryAs(Label.class).getText() + "'");
        long shown = System.nanoTime();
        // Pressing on its row to drag it selected it: the selection follows it to B.
        UiWait.untilTrue("the VM's row under B selected", () -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue() instanceof TreeRow.VmRow v
                && v.connectionId().equals(idB) && v.vm().uuid().equals(uuid));
        String result = UiWait.until("the dialog's result", () -> robot.from(dialog).lookup("#migrateResult")
                .tryQueryAs(Label.class).map(Label::getText).filter(t -> !t.isEmpty()));
        assertTrue(result.contains("now runs on"), result);
        UiClick.on(robot, "the dialog's Close button", () -> robot.from(dialog).lookup("#migrateClose").tryQuery());

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
        TreeTableView<TreeRow> tree = UiWait.onFx(() -> robot.lookup("#hostTree").queryAs(TreeTableView.class));
        String idA = hostId(tree, bed.hostA().unixUri());
        String idB = hostId(tree, bed.hostB().unixUri());
        UiWait.untilTrue(SHOWN, "the VM under A and host B connected", () -> vmRow(tree, idA, uuid).isPresent()
                && hostRowIsConnected(tree, idB));
        dragOnto(robot, uuid, idA, idB);
        Node dialog = migrationDialog(robot);
        robot.interact(() -> {
            robot.from(dialog).lookup("#migrateUri").queryAs(TextField.class).setText("tcp://127.0.0.1");
            robot.from(dialog).lookup("#migrateListen").queryAs(TextField.class).setText("127.0.0.1");
            robot.from(dialog).lookup("#migrateDontAsk").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        start(robot, dialog);
        UiExpect.untilTrue(MIGRATING, "the dialog saying the VM now runs on B", () -> robot.from(dialog)
                .lookup("#migrateResult").queryAs(Label.class).getText().contains("now runs on"),
                () -> "result '" + robot.from(dialog).lookup("#migrateResult").queryAs(Label.class).getText() + "'");
        UiClick.on(robot, "the dialog's Close button", () -> robot.from(dialog).lookup("#migrateClose").tryQuery());
        // The next drop must meet no closing dialog.
        UiWait.untilTrue("the migration dialog closed", () -> dialog.getScene() == null
                || !dialog.getScene().getWindow().isShowing());

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
        UiWait.untilTrue(SHOWN, "the second guest under A", () -> vmRow(tree, idA, second).isPresent());
        dragOnto(robot, second, idA, idB);

        UiExpect.untilTrue(MIGRATING, "the second guest listed under B and no longer under A",
                () -> vmRow(tree, idB, second).isPresent() && vmRow(tree, idA, second).isEmpty(),
                () -> "status '" + statusText(robot) + "', windows " + robot.listWindows().stream()
                        .map(w -> w instanceof Stage st ? st.getTitle() : w.toString()).toList());
        assertTrue(UiWait.onFx(() -> robot.lookup("#migrateStart").tryQuery().isEmpty()), "no dialog the second time");
        UiExpect.untilTrue(UiWait.LIMIT, "the status bar saying it migrated to B",
                () -> statusText(robot).contains("migrated to 1 host B"), () -> statusText(robot));
    }

    /**
     * Presses on the VM's row and moves onto its own host's row, both found on screen and still first. The shared
     * test bed's other guests may still shift rows between the look-up and the press: the gesture is tried again
     * (at most three times) until the VM's row is the one shown as dragged.
     */
    private static void pressAndDragOntoItsOwnHost(FxRobot robot, String vmUuid, String fromId) {
        for (int attempt = 1; ; attempt++) {
            Predicate<TreeRow> vmRow = r -> r instanceof TreeRow.VmRow v && v.vm().uuid().equals(vmUuid);
            Point2D vm = rowSpot(robot, "the VM's row", vmRow);
            Point2D own = rowSpot(robot, "its host's row", hostRow(fromId));
            robot.drag(vm, MouseButton.PRIMARY).moveTo(own);
            try {
                UiWait.untilTrue(Duration.ofSeconds(5), "the VM's row showing as dragged", () -> rowNode(robot, vmRow)
                        .map(n -> n.getPseudoClassStates().contains(DragToMigrate.DRAGGED)).orElse(false));
                return;
            } catch (AssertionError e) {
                robot.release(MouseButton.PRIMARY);
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Presses on the VM's row, drags to the destination host's row and releases there once it is a target. */
    private static void dragOnto(FxRobot robot, String vmUuid, String fromId, String toId) {
        pressAndDragOntoItsOwnHost(robot, vmUuid, fromId);
        robot.moveTo(rowSpot(robot, "the destination host's row", hostRow(toId)));
        UiWait.untilTrue("the destination host highlighted as a target",
                () -> hostRowShows(robot, toId, DragToMigrate.TARGET));
        robot.release(MouseButton.PRIMARY);
    }

    /** Starts the migration once the dialog's checks pass; a failure names the problems the dialog listed. */
    private static void start(FxRobot robot, Node dialog) {
        UiExpect.untilTrue(UiWait.LIMIT, "the dialog's checks passed", () -> !robot.from(dialog).lookup("#migrateStart")
                .queryButton().isDisabled(), () -> robot.from(dialog).lookup("#migrateCheckState").queryAs(Label.class)
                .getText() + " " + robot.from(dialog).lookup("#migrateProblems").queryAs(javafx.scene.control.ListView.class)
                .getItems());
        UiClick.on(robot, "the dialog's Start button", () -> robot.from(dialog).lookup("#migrateStart").tryQuery());
    }

    /** The migration dialog, once its window is on screen. */
    private static Node migrationDialog(FxRobot robot) {
        return UiWait.until("the migration dialog", () -> robot.lookup("#migrateStart")
                .match(NodeQueryUtils.isVisible()).tryQuery().map(n -> n.getScene().getRoot()));
    }

    /** Where the row {@code which} is on screen, once it is shown and still (rows are recycled: never keep the node). */
    private static Point2D rowSpot(FxRobot robot, String what, Predicate<TreeRow> which) {
        return UiClick.atRest(what, () -> rowNode(robot, which)).point();
    }

    private static Predicate<TreeRow> hostRow(String id) {
        return r -> r instanceof TreeRow.HostRow h && h.host().connectionId().equals(id);
    }

    /** On the FX thread: the host's row is on screen with {@code state}. */
    private static boolean hostRowShows(FxRobot robot, String id, javafx.css.PseudoClass state) {
        return rowNode(robot, hostRow(id)).map(n -> n.getPseudoClassStates().contains(state)).orElse(false);
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText();
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

    private static String hostId(TreeTableView<TreeRow> tree, String uri) {
        return UiWait.until("the row of " + uri, () -> hostRow(tree, uri)).host().connectionId();
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

    private static Optional<Node> rowNode(FxRobot robot, Predicate<TreeRow> which) {
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
