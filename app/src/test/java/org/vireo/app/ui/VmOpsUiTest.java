package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiDialogs;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.domain.SnapshotInfo;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Messages;

/** User stories on the demo host: bulk force off, search, editing memory, snapshots. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VmOpsUiTest {
    @TempDir
    static Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void forceOffOfThreeSelectedVmsShowsOneProgressViewAndAllEndShutOff(FxRobot robot) {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        selectVm(robot, "web1", false);
        selectVm(robot, "web2", true);
        selectVm(robot, "db1", true);
        forceOffConfirmed(robot);
        TableView<?> results = UiExpect.node(robot, "#bulkResults", TableView.class);
        assertEquals(1, UiWait.onFx(() -> robot.lookup("#bulkResults").queryAll().size()),
                "one progress view for all three");
        UiExpect.equal("rows in the progress view", 3, () -> results.getItems().size());
        UiExpect.equal("the progress summary", "3 of 3 done, 0 failed",
                () -> robot.lookup("#bulkSummary").queryLabeled().getText());
        UiExpect.until("web1, web2 and db1 shut off in the tree", () -> List.of("web1", "web2", "db1").stream()
                .map(n -> n + "=" + state(tree, n)).toList(),
                states -> states.stream().allMatch(s -> s.endsWith("=SHUTOFF")));
        UiClick.on(robot, "#bulkClose");
    }

    @Test
    void searchingWebShowsOnlyTheWebServers(FxRobot robot) {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        UiDialogs.replaceText(robot, "the search field", () -> searchField(robot), "web");
        UiExpect.equal("the VMs in the tree", List.of("web1", "web2"), () -> vmNames(tree));
        UiExpect.equal("the VM rows shown", List.of("web1", "web2"), () -> visibleVmNames(robot));
        ToggleButton runningOnly = UiClick.shown("Running only",
                () -> robot.lookup("#runningOnly").tryQueryAs(ToggleButton.class));
        UiClick.on(robot, runningOnly);
        UiWait.untilTrue("Running only pressed", runningOnly::isSelected);
        UiDialogs.replaceText(robot, "the search field", () -> searchField(robot), "");
        UiExpect.until("only active VMs, db1 (paused) among them", () -> vmNames(tree).stream()
                .map(n -> n + "=" + state(tree, n)).toList(), states -> states.stream()
                .allMatch(s -> VmState.valueOf(s.substring(s.indexOf('=') + 1)).isActive())
                && states.stream().anyMatch(s -> s.startsWith("db1=")));
    }

    @Test
    void changingTheMemoryOfAShutOffVmShowsInTheXmlAndNothingElseChanges(FxRobot robot) {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        clickVm(robot, "builder1");
        clickTab(robot, "tab-details.tab.xml");
        TextArea xml = UiExpect.node(robot, "#xmlText", TextArea.class);
        String before = UiExpect.until("builder1's XML", xml::getText, text -> text.contains("<name>builder1</name>"));
        clickTab(robot, "tab-details.tab.hardware");
        TextField memory = UiExpect.node(robot, "#hwMemory", TextField.class);
        UiExpect.equal("the memory field", "8192", memory::getText);
        UiDialogs.replaceText(robot, "the memory field", () -> Optional.of(memory), "4096");
        UiClick.on(robot, "#hwApply");
        String after = UiExpect.until("the XML with 4194304 KiB of memory", xml::getText,
                text -> text.contains("4194304"));
        List<String> changes = org.vireo.connections.domain.LineDiff.changes(before, after);
        assertEquals(4, changes.size(), changes.toString());
        assertTrue(changes.stream().allMatch(c -> c.contains("emory")), changes.toString());
        assertEquals(1, UiWait.onFx(() -> Window.getWindows().size()), "no error dialog");
    }

    @Test
    void snapshotsAreCreatedShownRevertedAndDeleted(FxRobot robot) {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        clickVm(robot, "builder2");
        clickTab(robot, "tab-details.tab.snapshots");
        TreeView<?> snapshots = UiExpect.node(robot, "#snapshotTree", TreeView.class);
        UiClick.on(robot, "#snapCreate");
        DialogPane create = UiDialogs.withId(robot, "newSnapshotDialog");
        UiDialogs.replaceText(robot, "the snapshot's name",
                () -> Optional.ofNullable((TextField) create.lookup("#snapName")), "before-upgrade");
        UiDialogs.answer(robot, create, ButtonType.OK);
        UiExpect.equal("snapshots listed", 1, () -> snapshots.getRoot().getChildren().size());

        clickSnapshot(robot, snapshots, "before-upgrade");
        // Reverting reloads the list, which rebuilds the tree on a new root (keeping the selection).
        Object rootBefore = UiWait.onFx(snapshots::getRoot);
        UiClick.on(robot, "#snapRevert");
        UiDialogs.answer(robot, UiDialogs.withId(robot, "confirmDialog"),
                ButtonType.OK);
        UiWait.untilTrue("the snapshot list reloaded after the revert", () -> snapshots.getRoot() != rootBefore);
        assertEquals(1, UiWait.onFx(() -> Window.getWindows().size()), "no error dialog after the revert");

        clickSnapshot(robot, snapshots, "before-upgrade");
        UiClick.on(robot, "#snapDelete");
        UiDialogs.answer(robot, UiDialogs.withId(robot, "confirmDialog"),
                ButtonType.OK);
        UiExpect.equal("snapshots listed", 0, () -> snapshots.getRoot().getChildren().size());
        assertEquals(1, UiWait.onFx(() -> Window.getWindows().size()), "no error dialog");
    }

    private static Optional<TextField> searchField(FxRobot robot) {
        return robot.lookup("#inventorySearch").tryQueryAs(TextField.class);
    }

    /** Clicks the snapshot's cell and waits until it is the selected one. */
    private static void clickSnapshot(FxRobot robot, TreeView<?> snapshots, String name) {
        UiClick.on(robot, "the cell of snapshot " + name, () -> robot.from(snapshots).lookup(".tree-cell")
                .match(c -> c instanceof TreeCell<?> t && t.getText() != null && t.getText().startsWith(name))
                .tryQuery());
        UiExpect.equal("the selected snapshot", name, () -> {
            TreeItem<?> selected = snapshots.getSelectionModel().getSelectedItem();
            return selected != null && selected.getValue() instanceof SnapshotInfo s ? s.name() : null;
        });
    }

    /** Clicks the details tab with this id and waits until it is the one shown. */
    static void clickTab(FxRobot robot, String id) {
        UiClick.on(robot, "the tab " + id,
                () -> robot.lookup("#detailsTabs .tab").match(n -> id.equals(n.getId())).tryQuery());
        UiExpect.equal("the details tab shown", id, () -> robot.lookup("#detailsTabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getId());
    }

    // ---- helpers shared with the odd-domains test ----

    /** Toolbar → Force off on the selection, its confirmation answered with "don't ask again". */
    static void forceOffConfirmed(FxRobot robot) {
        // Enabled once the selection is known to the toolbar.
        UiClick.on(robot, "#toolbar-FORCE_OFF");
        DialogPane question = UiDialogs.withId(robot, "confirmDialog");
        CheckBox dontAsk = UiWait.until("don't ask again",
                () -> Optional.ofNullable((CheckBox) question.lookup("#dontAskAgain")));
        UiClick.on(robot, dontAsk);
        UiWait.untilTrue("don't ask again ticked", dontAsk::isSelected);
        UiDialogs.answer(robot, question, ButtonType.OK);
    }

    /** The main window's host tree (found on the FX thread). */
    @SuppressWarnings("unchecked")
    static TreeTableView<TreeRow> tree(FxRobot robot) {
        return UiExpect.node(robot, "#hostTree", TreeTableView.class);
    }

    static void waitForVms(TreeTableView<TreeRow> tree) {
        UiWait.untilTrue("VMs in the host tree", () -> !vmNames(tree).isEmpty());
    }

    /**
     * Selects the VM's row (added to the selection when {@code add}), as a click or Ctrl+click does; waits until the
     * row exists. Found and selected in one FX step, so the index cannot change in between.
     */
    static void selectVm(FxRobot robot, String name, boolean add) {
        TreeTableView<TreeRow> tree = tree(robot);
        UiWait.untilTrue("VM " + name + " in the tree, selected", () -> {
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (tree.getTreeItem(i).getValue() instanceof TreeRow.VmRow v && v.vm().name().equals(name)) {
                    if (!add) {
                        tree.getSelectionModel().clearSelection();
                    }
                    tree.getSelectionModel().select(i);
                    tree.scrollTo(i);
                    return true;
                }
            }
            return false;
        });
    }

    /** Selects the VM alone and waits until the details show it (their tabs change with the selection). */
    static void clickVm(FxRobot robot, String name) {
        selectVm(robot, name, false);
        UiExpect.equal("the details title", name, () -> robot.lookup("#detailsTitle").queryAs(Label.class).getText());
    }

    /** Names of the tree's VM rows, read on the FX thread. */
    static List<String> vmNames(TreeTableView<TreeRow> tree) {
        return UiWait.onFx(() -> {
            List<String> names = new java.util.ArrayList<>();
            if (tree.getRoot() != null) {
                collect(tree.getRoot(), names);
            }
            return names;
        });
    }

    private static void collect(TreeItem<TreeRow> item, List<String> names) {
        if (item.getValue() instanceof TreeRow.VmRow v) {
            names.add(v.vm().name());
        }
        item.getChildren().forEach(c -> collect(c, names));
    }

    /** Names of the VM rows laid out and visible in the host tree; call on the FX thread. */
    private static List<String> visibleVmNames(FxRobot robot) {
        return robot.lookup("#hostTree .tree-table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TreeTableRow<?> r && r.isVisible() && r.getItem() instanceof TreeRow.VmRow)
                .map(n -> ((TreeRow.VmRow) ((TreeTableRow<?>) n).getItem()).vm().name()).sorted().toList();
    }

    /** The VM's state as the tree shows it (null when not listed); call on the FX thread. */
    private static VmState state(TreeTableView<TreeRow> tree, String name) {
        return tree.getRoot() == null ? null : stateIn(tree.getRoot(), name);
    }

    private static VmState stateIn(TreeItem<TreeRow> item, String name) {
        if (item.getValue() instanceof TreeRow.VmRow v && v.vm().name().equals(name)) {
            return v.vm().state();
        }
        for (TreeItem<TreeRow> child : item.getChildren()) {
            VmState s = stateIn(child, name);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
