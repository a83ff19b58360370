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
    private static final List<String> names = new ArrayList<>();
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
            for (int i = 0; i < 2; i++) {
                String name = TestGuests.uniqueName(PREFIX);
                Domain d = guests.define(a, name);
                d.create();
                uuids.put(name, d.getUUIDString());
                names.add(name);
                d.free();
            }
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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> names.stream().allMatch(n -> line(plan, n).isPresent()));

        for (String n : names) {
            EvacuationViewModel.Line line = line(plan, n).orElseThrow();
            assertEquals(ID_B, line.targetProperty().get().id(), "planned to B: " + n);
            assertEquals("waiting", line.statusProperty().get());
        }
        assertTrue(shownInTable(robot, dialogRoot, "1 host B (vireo-b)"), "the plan shows B as the target");
        // Host A is shared with other test runs: only this test's guests may move. Their rows stay on A.
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
        assertTrue(shownInTable(robot, dialogRoot, "on 1 host B (vireo-b)"), "the table shows where they went");
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

    private static boolean shownInTable(FxRobot robot, Node root, String text) {
        return robot.from(root).lookup(".table-cell").match(c -> c instanceof Labeled l && text.equals(l.getText()))
                .tryQuery().isPresent();
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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hostRowNode(robot, tree, hostId).isPresent());
        robot.clickOn(hostRowNode(robot, tree, hostId).orElseThrow(), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contextEvacuate").tryQuery().isPresent());
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
