package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
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
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void forceOffOfThreeSelectedVmsShowsOneProgressViewAndAllEndShutOff(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        selectVm(robot, "web1", false);
        selectVm(robot, "web2", true);
        selectVm(robot, "db1", true);
        forceOffConfirmed(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#bulkResults").tryQuery().isPresent());
        assertEquals(1, robot.lookup("#bulkResults").queryAll().size(), "one progress view for all three");
        TableView<?> results = robot.lookup("#bulkResults").queryAs(TableView.class);
        assertEquals(3, results.getItems().size());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#bulkSummary")
                .queryLabeled().getText().equals("3 of 3 done, 0 failed"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> List.of("web1", "web2", "db1").stream()
                .allMatch(n -> state(tree, n) == VmState.SHUTOFF));
        robot.clickOn("#bulkClose");
    }

    @Test
    void searchingWebShowsOnlyTheWebServers(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        robot.clickOn("#inventorySearch").write("web");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vmNames(tree).equals(List.of("web1", "web2")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("web1", "web2"), visibleVmNames(robot));
        robot.clickOn("#runningOnly");
        robot.doubleClickOn("#inventorySearch").eraseText(3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vmNames(tree).stream()
                .allMatch(n -> state(tree, n).isActive()) && vmNames(tree).contains("db1"));
    }

    @Test
    void changingTheMemoryOfAShutOffVmShowsInTheXmlAndNothingElseChanges(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        clickVm(robot, "builder1");
        robot.clickOn(robot.lookup(".tab").match(n -> n.getId() != null && n.getId().equals("tab-details.tab.xml"))
                .queryAs(Node.class));
        TextArea xml = robot.lookup("#xmlText").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> xml.getText().contains("<name>builder1</name>"));
        String before = xml.getText();
        robot.clickOn(robot.lookup(".tab").match(n -> "tab-details.tab.hardware".equals(n.getId())).queryAs(Node.class));
        TextField memory = robot.lookup("#hwMemory").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> memory.getText().equals("8192"));
        robot.doubleClickOn(memory).eraseText(4).write("4096");
        robot.clickOn("#hwApply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> xml.getText().contains("4194304"));
        List<String> changes = org.vireo.connections.domain.LineDiff.changes(before, xml.getText());
        assertEquals(4, changes.size(), changes.toString());
        assertTrue(changes.stream().allMatch(c -> c.contains("emory")), changes.toString());
        assertEquals(1, Window.getWindows().size(), "no error dialog");
    }

    @Test
    void snapshotsAreCreatedShownRevertedAndDeleted(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = tree(robot);
        waitForVms(tree);
        clickVm(robot, "builder2");
        robot.clickOn(robot.lookup(".tab").match(n -> "tab-details.tab.snapshots".equals(n.getId())).queryAs(Node.class));
        TreeView<?> snapshots = robot.lookup("#snapshotTree").queryAs(TreeView.class);
        robot.clickOn("#snapCreate");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#snapName").tryQuery().isPresent());
        robot.doubleClickOn("#snapName").eraseText(40).write("before-upgrade");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> snapshots.getRoot().getChildren().size() == 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match(c -> c instanceof javafx.scene.control.TreeCell<?> t
                && t.getText() != null && t.getText().startsWith("before-upgrade")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match(c -> c instanceof javafx.scene.control.TreeCell<?> t
                && t.getText() != null && t.getText().startsWith("before-upgrade")).queryAs(Node.class));
        robot.clickOn("#snapRevert");
        robot.clickOn("OK"); // confirmation
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() == 1);
        robot.clickOn(robot.lookup(".tree-cell").match(c -> c instanceof javafx.scene.control.TreeCell<?> t
                && t.getText() != null && t.getText().startsWith("before-upgrade")).queryAs(Node.class));
        robot.clickOn("#snapDelete");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> snapshots.getRoot().getChildren().isEmpty());
        assertEquals(1, Window.getWindows().size(), "no error dialog");
    }

    // ---- helpers shared with the odd-domains test ----

    /** Toolbar → Force off on the selection, its confirmation answered with "don't ask again". */
    static void forceOffConfirmed(FxRobot robot) throws TimeoutException {
        Button forceOff = robot.lookup("#toolbar-FORCE_OFF").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !forceOff.isDisabled());
        robot.clickOn(forceOff);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dontAskAgain").tryQuery().isPresent());
        robot.clickOn("#dontAskAgain");
        robot.clickOn("OK");
    }

    @SuppressWarnings("unchecked")
    static TreeTableView<TreeRow> tree(FxRobot robot) {
        return robot.lookup("#hostTree").queryAs(TreeTableView.class);
    }

    static void waitForVms(TreeTableView<TreeRow> tree) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vmNames(tree).isEmpty());
    }

    /** Selects the VM's row (added to the selection when {@code add}), as a click or Ctrl+click does. */
    static void selectVm(FxRobot robot, String name, boolean add) {
        TreeTableView<TreeRow> tree = tree(robot);
        robot.interact(() -> {
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (tree.getTreeItem(i).getValue() instanceof TreeRow.VmRow v && v.vm().name().equals(name)) {
                    if (!add) {
                        tree.getSelectionModel().clearSelection();
                    }
                    tree.getSelectionModel().select(i);
                    tree.scrollTo(i);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void clickVm(FxRobot robot, String name) {
        selectVm(robot, name, false);
    }

    private static boolean isVm(Node cell, String name) {
        return cell instanceof TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v && v.vm().name().equals(name);
    }

    static List<String> vmNames(TreeTableView<TreeRow> tree) {
        List<String> names = new java.util.ArrayList<>();
        collect(tree.getRoot(), names);
        return names;
    }

    private static void collect(TreeItem<TreeRow> item, List<String> names) {
        if (item.getValue() instanceof TreeRow.VmRow v) {
            names.add(v.vm().name());
        }
        item.getChildren().forEach(c -> collect(c, names));
    }

    private static List<String> visibleVmNames(FxRobot robot) {
        return robot.lookup(".tree-table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TreeTableRow<?> r && r.isVisible() && r.getItem() instanceof TreeRow.VmRow)
                .map(n -> ((TreeRow.VmRow) ((TreeTableRow<?>) n).getItem()).vm().name()).sorted().toList();
    }

    private static VmState state(TreeTableView<TreeRow> tree, String name) {
        return stateIn(tree.getRoot(), name);
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
