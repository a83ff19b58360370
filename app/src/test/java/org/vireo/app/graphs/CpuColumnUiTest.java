package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.TreeTableRow;
import javafx.scene.text.Text;
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
import org.vireo.app.testsupport.UiWait;
import org.vireo.app.ui.WindowOnFolders;
import org.vireo.resources.Messages;

/**
 * At the window's default size, the tree's CPU column shows a running VM's sparkline and figure whole: the figure on
 * one line inside the cell, also when it is the widest one ("100.0 %", "100,0 %" in French).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CpuColumnUiTest {
    @TempDir
    Path home;

    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        System.clearProperty("vireo.statsInterval");
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theFigureFitsBesideTheSparklineInEnglish(FxRobot robot) {
        assertFiguresFit(robot, Locale.ROOT, "100.0 %");
    }

    @Test
    void theFigureFitsBesideTheSparklineInFrench(FxRobot robot) {
        assertFiguresFit(robot, Locale.FRENCH, "100,0\u00a0%");
    }

    private void assertFiguresFit(FxRobot robot, Locale locale, String widest) {
        System.setProperty("vireo.statsInterval", "1");
        context = WindowOnFolders.context(home);
        Messages messages = new Messages(locale);
        assertEquals(widest, TreeStatsColumns.widestPercent(messages));
        robot.interact(() -> MainStage.show(stage, context, List.of(), messages));

        // Measured in the same FX step that finds the cell: a layout pass may recycle it for another row after.
        Fit shown = UiWait.until("a running VM's CPU cell showing a figure",
                () -> runningVmCell(robot).map(Fit::of).filter(fit -> !fit.text().isEmpty()));
        assertTrue(shown.samples() > 0, "the sparkline has samples");
        assertTrue(shown.text().matches("[0-9.,]+\\h%"), shown.text());
        shown.assertWhole();

        // The widest figure, laid out as a pulse would, and measured in one FX step: the next sample (each second)
        // would put its own figure back.
        Fit wide = UiWait.until("a running VM's CPU cell laid out with " + widest,
                () -> runningVmCell(robot).map(cell -> {
                    cell.cpuGraphic().setValue(widest);
                    Parent root = cell.getScene().getRoot();
                    root.applyCss();
                    root.layout();
                    return Fit.of(cell);
                }));
        assertEquals(widest, wide.text());
        wide.assertWhole();
    }

    /** Where a CPU cell's figure was and how wide it is, at one instant. */
    private record Fit(String text, int samples, Bounds inCell, double cellWidth, double lineWidth, double slotWidth,
            double lineHeight, double height) {
        /** Call on the FX thread. */
        static Fit of(TreeStatsColumns.CpuCell cell) {
            Text figure = cell.cpuGraphic().valueNode();
            Text line = new Text(figure.getText());
            line.setFont(figure.getFont());
            return new Fit(figure.getText(), cell.drawnSamples(),
                    cell.sceneToLocal(figure.localToScene(figure.getBoundsInLocal())), cell.getWidth(),
                    line.getLayoutBounds().getWidth(), figure.getWrappingWidth(), line.getLayoutBounds().getHeight(),
                    figure.getLayoutBounds().getHeight());
        }

        /** The figure lies inside the cell's area and takes one line (a figure wider than its slot would wrap). */
        void assertWhole() {
            assertTrue(inCell.getMinX() >= 0 && inCell.getMaxX() <= cellWidth,
                    "\"" + text + "\" at " + inCell + " inside the cell's width " + cellWidth);
            assertTrue(lineWidth <= slotWidth, "\"" + text + "\" is " + lineWidth + " wide, its slot " + slotWidth);
            assertEquals(lineHeight, height, 0.5, "\"" + text + "\" on one line");
        }
    }

    /** The CPU cell of the first running VM's row, once laid out; call on the FX thread. */
    private static Optional<TreeStatsColumns.CpuCell> runningVmCell(FxRobot robot) {
        return robot.lookup("#hostTree .tree-table-row-cell").match(node -> node instanceof TreeTableRow<?> row
                        && row.getItem() instanceof TreeRow.VmRow vm && vm.vm().state().isActive())
                .queryAll().stream().findFirst()
                .flatMap(row -> ((TreeTableRow<?>) row).getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof TreeStatsColumns.CpuCell).map(n -> (TreeStatsColumns.CpuCell) n)
                        .findFirst());
    }
}
