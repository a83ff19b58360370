package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import org.vireo.app.AppPaths;
import org.vireo.app.main.TreeRow;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.wizards.migrate.EvacuationViewModel;
import org.vireo.wizards.newvm.NewVmHosts;
import org.vireo.wizards.newvm.NewVmWizardViewModel;

/**
 * User story: an admin evacuates host A (Host → Evacuate… from its context menu) with two running guests. The
 * plan sends both to B, the run shows each VM migrating and then where it went, and a summary; the guests then run
 * on B and are gone from A (checked with libvirt against both daemons). Host A shows "maintenance" in the tree,
 * the new-VM wizard's "least loaded" placement leaves it out, the flag is saved with the connection, and
 * "Leave maintenance" clears it.
 */
@Tag("ui")
@Tag("testbed")
@ExtendWith(ApplicationExtension.class)
class EvacuationUiTest {
    /** Sorts first among host A's guests. */
    private static final String PREFIX = "0vireo-evacui";
    private static final String ID_A = TestbedWindow.ID_A;
    private static final String ID_B = TestbedWindow.ID_B;
    @TempDir
    static Path home;

    private static Testbed bed;
    private static TestGuests guests;
    /** The two guests that move, and a third the user keeps on A by editing its row. */
    private static final List<String> names = new ArrayList<>();
    private static String stayer;
    private static final Map<String, String> uuids = new ConcurrentHashMap<>();
    private AppContext context;
    private AppPaths paths;

    @Start
    void start(Stage stage) throws Exception {
        bed = Testbed.require();
        guests = new TestGuests(bed);
        names.clear();
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            for (int i = 0; i < 3; i++) {
                String name = TestGuests.uniqueName(PREFIX);
                Domain d = guests.define(a, name);
                d.create();
                uuids.put(name, d.getUUIDString());
                names.add(name);
                d.free();
            }
            stayer = names.remove(2);
        } finally {
            a.close();
        }
        paths = TestbedWindow.paths(home);
        context = TestbedWindow.show(stage, home, bed);
    }

    @AfterEach
    void close() throws LibvirtException {
        context.close();
        TestbedWindow.removeGuests(bed, guests, PREFIX);
    }

    @Test
    void evacuatingHostAMovesBothGuestsToBAndPutsAInMaintenance(FxRobot robot) throws Exception {
        try {
            story(robot);
        } catch (Exception | AssertionError e) {
            Screenshots.save(robot, "evacuation-failure");
            throw e;
        }
    }

    private void story(FxRobot robot) throws Exception {
        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> hostConnected(tree, ID_B)
                && names.stream().allMatch(n -> vmListed(tree, ID_A, uuids.get(n))));

        rightClickHostRow(robot, tree, ID_A);
        robot.clickOn("#contextEvacuate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#evacuatePlan").tryQuery().isPresent());
        TableView<EvacuationViewModel.Line> plan = robot.lookup("#evacuatePlan").queryAs(TableView.class);
        Node dialogRoot = plan.getScene().getRoot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> names.stream().allMatch(n -> line(plan, n).isPresent())
                && line(plan, stayer).isPresent());

        for (String n : List.of(names.get(0), names.get(1), stayer)) {
            EvacuationViewModel.Line line = line(plan, n).orElseThrow();
            assertEquals(ID_B, line.targetProperty().get().id(), "planned to B: " + n);
            assertEquals("waiting", line.statusProperty().get());
        }
        assertTrue(shownInTable(robot, plan, "1 host B (vireo-b)"), "the plan shows B as the target");

        // The user edits one row: the third guest stays on A.
        EvacuationViewModel.Line keep = line(plan, stayer).orElseThrow();
        robot.interact(() -> plan.scrollTo(keep));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> targetChoice(robot, plan, keep).isPresent());
        robot.clickOn(targetChoice(robot, plan, keep).orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> staysItem(robot).isPresent());
        robot.clickOn(staysItem(robot).orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> keep.targetProperty().get() == null);
        // Host A is shared with other test runs: their guests must not move either (set in the model, as their
        // number varies).
        robot.interact(() -> plan.getItems().stream().filter(l -> !names.contains(l.vm().name()))
                .forEach(l -> l.targetProperty().set(null)));
        Screenshots.save(robot, "evacuation-plan");

        // Memory goes host to host on loopback (the test bed's hosts are not resolvable by their hostnames).
        robot.interact(() -> {
            robot.from(dialogRoot).lookup("#evacuateUri").queryAs(TextField.class).setText("tcp://127.0.0.1");
            robot.from(dialogRoot).lookup("#evacuateListen").queryAs(TextField.class).setText("127.0.0.1");
        });
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        robot.interact(() -> names.forEach(n -> {
            List<String> statuses = new CopyOnWriteArrayList<>();
            seen.put(n, statuses);
            line(plan, n).orElseThrow().statusProperty().addListener((obs, old, now) -> statuses.add(now));
        }));
        Button run = robot.from(dialogRoot).lookup("#evacuateRun").queryButton();
        robot.clickOn(run);

        Label summary = robot.from(dialogRoot).lookup("#evacuateSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !summary.getText().isEmpty());
        assertTrue(summary.getText().startsWith("2 of " + plan.getItems().size() + " VMs moved"), summary.getText());
        for (String n : names) {
            List<String> statuses = seen.get(n);
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("migrating")), n + " showed progress: " + statuses);
            assertEquals("on 1 host B (vireo-b)", statuses.get(statuses.size() - 1), n + ": " + statuses);
        }
        assertTrue(shownInTable(robot, plan, "on 1 host B (vireo-b)"), "the table shows where they went");
        assertEquals("stays on 2 host A (vireo-a)", keep.statusProperty().get());
        assertTrue(run.isDisabled(), "a plan runs once");
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.save(robot, "evacuation-done");
        robot.clickOn(robot.from(dialogRoot).lookup("#evacuateClose").queryButton());

        assertRunOnBAndGoneFromA();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> names.stream().allMatch(n ->
                vmListed(tree, ID_B, uuids.get(n)) && !vmListed(tree, ID_A, uuids.get(n))));

        // Host A is in maintenance: the tree says so, and the flag is saved with its connection.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stateCellText(robot, tree, ID_A).endsWith("\u00b7 maintenance"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedMaintenance().equals(Set.of(ID_A)));

        // The new-VM wizard's "least loaded" placement leaves A out.
        Button newVm = robot.lookup("#toolbarNewVm").queryButton();
        robot.clickOn(newVm);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newVmHost").tryQuery().isPresent());
        ComboBox<NewVmHosts.HostRef> host = robot.lookup("#newVmHost").queryComboBox();
        Node wizardRoot = host.getScene().getRoot();
        javafx.stage.Window wizardWindow = host.getScene().getWindow();
        robot.interact(() -> host.setValue(NewVmWizardViewModel.LEAST_LOADED));
        Label placement = robot.from(wizardRoot).lookup("#newVmPlacement").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> placement.getText().startsWith("Chosen: "));
        assertTrue(placement.getText().startsWith("Chosen: 1 host B: "), placement.getText());
        assertTrue(placement.getText().contains("best of 1 host "), placement.getText());
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.save(robot, "evacuation-placement");
        robot.clickOn(robot.from(wizardRoot).lookup("#newVmCancel").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizardWindow.isShowing());

        // Host → Leave maintenance clears it, in the tree and in the saved connections.
        rightClickHostRow(robot, tree, ID_A);
        robot.clickOn("#contextLeaveMaintenance");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !stateCellText(robot, tree, ID_A).contains("maintenance"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedMaintenance().isEmpty());
    }

    private void assertRunOnBAndGoneFromA() throws LibvirtException {
        Connect a = new Connect(bed.hostA().unixUri());
        Connect b = new Connect(bed.hostB().unixUri());
        try {
            Domain kept = a.domainLookupByName(stayer);
            try {
                assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, kept.getInfo().state, "the kept guest runs on A");
            } finally {
                kept.free();
            }
            for (String n : names) {
                Domain onB = b.domainLookupByName(n);
                try {
                    assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, onB.getInfo().state, n + " on B");
                    assertEquals(uuids.get(n), onB.getUUIDString());
                } finally {
                    onB.free();
                }
                assertFalse(defined(a, uuids.get(n)), n + " is gone from A");
            }
        } finally {
            b.close();
            a.close();
        }
    }

    private static boolean defined(Connect conn, String uuid) throws LibvirtException {
        try {
            conn.domainLookupByUUIDString(uuid).free();
            return true;
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }

    private Set<String> savedMaintenance() {
        if (!Files.exists(paths.config().resolve(ConnectionStore.FILE_NAME))) {
            return Set.of();
        }
        return Set.copyOf(new ConnectionStore(paths.config()).load().entries().stream()
                .filter(ConnectionEntry::maintenance).map(ConnectionEntry::id).toList());
    }

    private static Optional<EvacuationViewModel.Line> line(TableView<EvacuationViewModel.Line> plan, String name) {
        return plan.getItems().stream().filter(l -> l.vm().name().equals(name)).findFirst();
    }

    private static boolean shownInTable(FxRobot robot, Node table, String text) {
        return robot.from(table).lookup((Node c) -> c instanceof Labeled l && text.equals(l.getText())).tryQuery()
                .isPresent();
    }

    /** The "Move to" choice on the row of {@code line}. */
    private static Optional<Node> targetChoice(FxRobot robot, Node table, EvacuationViewModel.Line line) {
        return robot.from(table).lookup(".evacuate-target").match(c -> c.getParent() instanceof javafx.scene.control.TableCell<?, ?> cell
                && cell.getTableRow() != null && cell.getTableRow().getItem() == line).tryQuery();
    }

    /** "stays on 2 host A (vireo-a)" in the open choice's list. */
    private static Optional<Node> staysItem(FxRobot robot) {
        return robot.lookup(".combo-box-popup .list-cell").match(c -> c instanceof Labeled l
                && "stays on 2 host A (vireo-a)".equals(l.getText())).tryQuery();
    }

    /** The text of the host row's State cell, as the user reads it. */
    private static String stateCellText(FxRobot robot, TreeTableView<TreeRow> tree, String hostId) {
        return hostRowNode(robot, tree, hostId).map(row -> robot.from(row).lookup(".tree-table-cell")
                .match(c -> c instanceof javafx.scene.control.TreeTableCell<?, ?> cell
                        && cell.getTableColumn() != null && "stateColumn".equals(cell.getTableColumn().getId()))
                .tryQueryAs(Labeled.class).map(Labeled::getText).orElse("")).orElse("");
    }

    private static void rightClickHostRow(FxRobot robot, TreeTableView<TreeRow> tree, String hostId) throws TimeoutException {
        // A menu still closing from the previous choice would swallow this request.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contextConnect").tryQuery()
                .map(item -> item.getScene() == null || !item.getScene().getWindow().isShowing()).orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
        // Rows of other runs' guests come and go on the shared host A: a click that hit a moving row is tried
        // again, at most three times.
        for (int attempt = 1; ; attempt++) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hostRowNode(robot, tree, hostId).isPresent());
            robot.clickOn(hostRowNode(robot, tree, hostId).orElseThrow(), MouseButton.SECONDARY);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contextEvacuate").tryQuery()
                        .map(item -> item.getScene() != null && item.getScene().getWindow().isShowing()).orElse(false));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static Optional<Node> hostRowNode(FxRobot robot, TreeTableView<TreeRow> tree, String hostId) {
        return robot.from(tree).lookup(".tree-table-row-cell").match(cell -> cell instanceof TreeTableRow<?> r
                && r.getItem() instanceof TreeRow.HostRow h && h.host().connectionId().equals(hostId)).tryQuery();
    }

    private static boolean hostConnected(TreeTableView<TreeRow> tree, String id) {
        return HostTreeLookup.rows(tree).stream().anyMatch(r -> r instanceof TreeRow.HostRow h && h.host().connectionId().equals(id)
                && h.host().state().isConnected());
    }

    private static boolean vmListed(TreeTableView<TreeRow> tree, String hostId, String uuid) {
        return HostTreeLookup.rows(tree).stream().anyMatch(r -> r instanceof TreeRow.VmRow v && v.connectionId().equals(hostId)
                && v.vm().uuid().equals(uuid));
    }
}
