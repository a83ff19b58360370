package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
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
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Arrow keys walk the tree at once; a focused search box would also blink its caret and keep the window repainting. */
    @Test
    void theKeyboardStartsInTheHostTree(FxRobot robot) {
        Node tree = UiWait.until("the host tree", () -> robot.lookup("#hostTree").tryQuery());
        // The window gives the focus in a later pulse than the one that shows it.
        UiExpect.until("the keyboard focus on the host tree", () -> stage.getScene().getFocusOwner(),
                owner -> owner == tree);
    }

    @Test
    void startsAShutOffDemoVmFromTheToolbarAndSeesItRunning(FxRobot robot) {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        TreeRow.VmRow off = UiWait.until("a shut-off VM in the demo host's tree",
                () -> vmRows(tree).stream().filter(r -> r.vm().state() == VmState.SHUTOFF).findFirst());
        UiWait.untilTrue("the demo badge shown", () -> robot.lookup("#demoBadge").queryAs(Label.class).isVisible());

        // The row cell, then its state cell, exist once the next pulses have laid the new rows out.
        UiClick.on(robot, "the row of " + off.vm().name() + " with the grey shut-off dot", () -> rowOf(robot, off)
                .filter(row -> robot.from(row).lookup(".state-dot").tryQuery()
                        .filter(dot -> dot.getPseudoClassStates().contains(PseudoClass.getPseudoClass("state-shutoff")))
                        .isPresent()));
        UiExpect.equal("the details title", off.vm().name(),
                () -> robot.lookup("#detailsTitle").queryAs(Label.class).getText());
        // Enabled once Run applies to the selected shut-off VM.
        Button run = UiClick.shown("Run, for the selected shut-off VM",
                () -> robot.lookup("#toolbar-START").tryQueryAs(Button.class));
        UiClick.on(robot, run);

        UiExpect.equal("the details' state", "Running",
                () -> robot.lookup("#details-state").queryAs(Label.class).getText());
        assertEquals(off.vm().name(), UiWait.onFx(() -> robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        // The tree row follows on the same batch, painted at the next pulse.
        UiWait.until("the tree row of " + off.vm().name() + " showing Running",
                () -> rowOf(robot, off).filter(row -> robot.from(row).lookup("Running").tryQuery().isPresent()));
        UiWait.untilTrue("Run disabled for the running VM", run::isDisabled);
        UiExpect.until("the row's state dot(s) all green (running)", () -> rowOf(robot, off)
                .map(row -> robot.from(row).lookup(".state-dot").queryAll().stream()
                        .map(dot -> ((javafx.scene.shape.Shape) dot).getFill()).toList())
                .orElse(List.of()), fills -> !fills.isEmpty()
                && fills.stream().allMatch(fill -> javafx.scene.paint.Color.web("#3c9a3c").equals(fill)));
    }

    /** The laid-out row of {@code vm}, if shown; call on the FX thread. */
    private static Optional<Node> rowOf(FxRobot robot, TreeRow.VmRow vm) {
        return robot.lookup("#hostTree .tree-table-row-cell").match(cell -> cellShows(cell, vm)).tryQuery();
    }

    private static boolean cellShows(javafx.scene.Node cell, TreeRow.VmRow row) {
        return cell instanceof javafx.scene.control.TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v
                && v.key().equals(row.key());
    }

    /** Every VM row of the tree; call on the FX thread. */
    private static List<TreeRow.VmRow> vmRows(TreeTableView<TreeRow> tree) {
        List<TreeRow.VmRow> rows = new java.util.ArrayList<>();
        if (tree.getRoot() != null) {
            collect(tree.getRoot(), rows);
        }
        return rows;
    }

    private static void collect(TreeItem<TreeRow> item, List<TreeRow.VmRow> rows) {
        if (item.getValue() instanceof TreeRow.VmRow v) {
            rows.add(v);
        }
        item.getChildren().forEach(child -> collect(child, rows));
    }
}
