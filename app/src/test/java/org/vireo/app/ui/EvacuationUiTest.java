package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
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
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        TreeTableView<TreeRow> tree = UiWait.onFx(() -> robot.lookup("#hostTree").queryAs(TreeTableView.class));
        UiWait.untilTrue(Duration.ofSeconds(30), "host B connected and the guests listed under A", () -> hostConnected(tree, ID_B)
                && names.stream().allMatch(n -> vmListed(tree, ID_A, uuids.get(n))));

        rightClickHostRow(robot, tree, ID_A);
        UiClick.on(robot, "#contextEvacuate");
        TableView<EvacuationViewModel.Line> plan = UiWait.until("the evacuation plan", () -> robot.lookup("#evacuatePlan")
                .match(NodeQueryUtils.isVisible()).tryQueryAs(TableView.class).map(t -> (TableView<EvacuationViewModel.Line>) t));
        Node dialogRoot = UiWait.onFx(() -> plan.getScene().getRoot());
        // The plan's lines as they were once all three guests were in it (their properties change on the FX thread).
        List<PlanLine> planned = UiWait.until("the plan listing the three guests", () -> {
            List<PlanLine> lines = new ArrayList<>();
            for (String n : List.of(names.get(0), names.get(1), stayer)) {
                Optional<EvacuationViewModel.Line> line = line(plan, n);
                if (line.isEmpty()) {
                    return Optional.empty();
                }
                lines.add(PlanLine.of(line.get()));
            }
            return Optional.of(lines);
        });
        for (PlanLine line : planned) {
            assertEquals(ID_B, line.targetId(), "planned to B: " + line.name());
            assertEquals("waiting", line.status());
        }
        UiWait.untilTrue("the plan table showing B as the target", () -> shownInTable(robot, plan, "1 host B (vireo-b)"));

        // The user edits one row: the third guest stays on A.
        EvacuationViewModel.Line keep = UiWait.onFx(() -> line(plan, stayer).orElseThrow());
        robot.interact(() -> plan.scrollTo(keep));
        UiClick.on(robot, "the 'Move to' choice on " + stayer + "'s row", () -> targetChoice(robot, plan, keep));
        UiClick.on(robot, "'stays on 2 host A' in the open choice", () -> staysItem(robot));
        UiWait.untilTrue("the kept guest's target cleared", () -> keep.targetProperty().get() == null);
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
        Button run = UiClick.on(robot, "the Run button", () -> robot.from(dialogRoot).lookup("#evacuateRun")
                .tryQueryAs(Button.class));

        // Two live migrations under TCG on a machine other tests load.
        String summary = UiExpect.until(Duration.ofSeconds(180), "the evacuation's summary", () -> robot.from(dialogRoot)
                .lookup("#evacuateSummary").tryQueryAs(Label.class).map(Label::getText).filter(t -> !t.isEmpty()),
                () -> plan.getItems().stream().map(l -> l.vm().name() + ": " + l.statusProperty().get()).toList().toString());
        List<String> lines = UiWait.onFx(() -> plan.getItems().stream()
                .map(l -> l.vm().name() + ": " + l.statusProperty().get()).toList());
        assertTrue(summary.startsWith("2 of " + lines.size() + " VMs moved"), summary + " " + lines);
        for (String n : names) {
            List<String> statuses = seen.get(n);
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("migrating")), n + " showed progress: " + statuses);
            assertEquals("on 1 host B (vireo-b)", statuses.get(statuses.size() - 1), n + ": " + statuses);
        }
        UiWait.untilTrue("the table showing where they went", () -> shownInTable(robot, plan, "on 1 host B (vireo-b)"));
        assertEquals("stays on 2 host A (vireo-a)", UiWait.onFx(() -> keep.statusProperty().get()));
        assertTrue(UiWait.onFx(run::isDisabled), "a plan runs once");
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.save(robot, "evacuation-done");
        UiClick.on(robot, "the Close button", () -> robot.from(dialogRoot).lookup("#evacuateClose").tryQuery());
        UiWait.untilTrue("the evacuation window closed", () -> dialogRoot.getScene() == null
                || !dialogRoot.getScene().getWindow().isShowing());

        assertRunOnBAndGoneFromA();
        UiWait.untilTrue(Duration.ofSeconds(30), "the moved guests listed under B, not A", () -> names.stream().allMatch(n ->
                vmListed(tree, ID_B, uuids.get(n)) && !vmListed(tree, ID_A, uuids.get(n))));

        // Host A is in maintenance: the tree says so, and the flag is saved with its connection.
        UiExpect.untilTrue(UiWait.LIMIT, "host A's state cell ending in maintenance",
                () -> stateCellText(robot, tree, ID_A).endsWith("\u00b7 maintenance"), () -> stateCellText(robot, tree, ID_A));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> savedMaintenance().equals(Set.of(ID_A)));

        // The new-VM wizard's "least loaded" placement leaves A out.
        UiClick.on(robot, "#toolbarNewVm");
        ComboBox<NewVmHosts.HostRef> host = UiWait.until("the new-VM wizard", () -> robot.lookup("#newVmHost")
                .match(NodeQueryUtils.isVisible()).tryQueryAs(ComboBox.class).map(c -> (ComboBox<NewVmHosts.HostRef>) c));
        Node wizardRoot = UiWait.onFx(() -> host.getScene().getRoot());
        javafx.stage.Window wizardWindow = UiWait.onFx(() -> host.getScene().getWindow());
        robot.interact(() -> host.setValue(NewVmWizardViewModel.LEAST_LOADED));
        String placement = UiWait.until("a placement chosen", () -> robot.from(wizardRoot).lookup("#newVmPlacement")
                .tryQueryAs(Label.class).map(Label::getText).filter(t -> t.startsWith("Chosen: ")));
        assertTrue(placement.startsWith("Chosen: 1 host B: "), placement);
        assertTrue(placement.contains("best of 1 host "), placement);
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.save(robot, "evacuation-placement");
        UiClick.on(robot, "the wizard's Cancel button", () -> robot.from(wizardRoot).lookup("#newVmCancel").tryQuery());
        UiWait.untilTrue("the wizard closed", () -> !wizardWindow.isShowing());

        // Host → Leave maintenance clears it, in the tree and in the saved connections.
        rightClickHostRow(robot, tree, ID_A);
        UiClick.on(robot, "#contextLeaveMaintenance");
        UiExpect.untilTrue(UiWait.LIMIT, "host A's state cell without maintenance",
                () -> !stateCellText(robot, tree, ID_A).contains("maintenance"), () -> stateCellText(robot, tree, ID_A));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> savedMaintenance().isEmpty());
    }

    /** A plan line's values at one instant. */
    private record PlanLine(String name, String targetId, String status) {
        static PlanLine of(EvacuationViewModel.Line line) {
            return new PlanLine(line.vm().name(), line.targetProperty().get() == null ? null
                    : line.targetProperty().get().id(), line.statusProperty().get());
        }
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

    private static void rightClickHostRow(FxRobot robot, TreeTableView<TreeRow> tree, String hostId) {
        // A menu still closing from the previous choice would swallow this request.
        UiWait.untilTrue("the previous context menu closed", () -> robot.lookup("#contextConnect").tryQuery()
                .map(item -> item.getScene() == null || !item.getScene().getWindow().isShowing()).orElse(true));
        // Rows of other runs' guests come and go on the shared host A: a click that hit a moving row is tried
        // again, at most three times.
        for (int attempt = 1; ; attempt++) {
            UiClick.secondary(robot, "host " + hostId + "'s row", () -> hostRowNode(robot, tree, hostId));
            try {
                UiWait.untilTrue(Duration.ofSeconds(5), "the host's context menu", () -> robot.lookup("#contextEvacuate")
                        .tryQuery().map(item -> item.getScene() != null && item.getScene().getWindow().isShowing())
                        .orElse(false));
                return;
            } catch (AssertionError e) {
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
