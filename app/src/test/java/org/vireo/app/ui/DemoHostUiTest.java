package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import org.vireo.app.main.TreeRow;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Messages;

/** User story: a new user opens Vireo, sees the demo host and starts one of its VMs. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DemoHostUiTest {
    @TempDir
    static Path home;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Arrow keys walk the tree at once; a focused search box would also blink its caret and keep the window repainting. */
    @Test
    void theKeyboardStartsInTheHostTree(FxRobot robot) throws TimeoutException {
        javafx.scene.Node tree = robot.lookup("#hostTree").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage.getScene().getFocusOwner() != null);
        WaitForAsyncUtils.waitForFxEvents();
        org.junit.jupiter.api.Assertions.assertSame(tree, stage.getScene().getFocusOwner(),
                () -> "focus is on " + stage.getScene().getFocusOwner());
    }

    @Test
    void startsAShutOffDemoVmFromTheToolbarAndSeesItRunning(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vmRows(tree).stream().anyMatch(r -> r.vm().state() == VmState.SHUTOFF));
        assertTrue(robot.lookup("#demoBadge").queryAs(Label.class).isVisible(), "the demo is labelled as such");

        TreeRow.VmRow off = vmRows(tree).stream().filter(r -> r.vm().state() == VmState.SHUTOFF).findFirst().orElseThrow();
        // The row cell, then its state cell, exist once the next pulses have laid the new rows out.
        awaitOrFail(() -> robot.lookup(".tree-table-row-cell").match(cell -> cellShows(cell, off))
                .lookup(".state-dot.state-shutoff").tryQuery().isPresent(), "a shut-off VM's row shows the grey dot");
        robot.clickOn(robot.lookup(".tree-table-row-cell").match(cell -> cellShows(cell, off)).queryAs(javafx.scene.Node.class));
        awaitOrFail(() -> robot.lookup("#detailsTitle").tryQueryAs(Label.class)
                .map(l -> l.getText().equals(off.vm().name())).orElse(false), "the clicked VM's details show");
        Button run = robot.lookup("#toolbar-START").queryButton();
        awaitOrFail(() -> !run.isDisabled(), "Run applies to the selected shut-off VM");
        robot.clickOn(run);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#details-state").tryQueryAs(Label.class)
                .map(l -> l.getText().equals("Running")).orElse(false));
        assertEquals(off.vm().name(), robot.lookup("#detailsTitle").queryAs(Label.class).getText());
        // The tree row follows on the same batch, painted at the next pulse.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tree-table-row-cell")
                .match(cell -> cellShows(cell, off)).lookup("Running").tryQuery().isPresent());
        assertTrue(run.isDisabled(), "Run no longer applies to a running VM");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tree-table-row-cell")
                .match(cell -> cellShows(cell, off)).lookup(".state-dot").queryAll().stream()
                .allMatch(dot -> dot.getStyleClass().equals(List.of("state-dot", "state-running"))));
    }

    private static void awaitOrFail(java.util.concurrent.Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            org.junit.jupiter.api.Assertions.fail(what + " (not within 10 s)");
        }
    }

    private static boolean cellShows(javafx.scene.Node cell, TreeRow.VmRow row) {
        return cell instanceof javafx.scene.control.TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v
                && v.key().equals(row.key());
    }

    private static List<TreeRow.VmRow> vmRows(TreeTableView<TreeRow> tree) {
        List<TreeRow.VmRow> rows = new java.util.ArrayList<>();
        collect(tree.getRoot(), rows);
        return rows;
    }

    private static void collect(TreeItem<TreeRow> item, List<TreeRow.VmRow> rows) {
        if (item.getValue() instanceof TreeRow.VmRow v) {
            rows.add(v);
        }
        item.getChildren().forEach(child -> collect(child, rows));
    }
}
