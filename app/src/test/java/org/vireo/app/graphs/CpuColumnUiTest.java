package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
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
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
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
    void theFigureFitsBesideTheSparklineInEnglish(FxRobot robot) throws TimeoutException {
        assertFiguresFit(robot, Locale.ROOT, "100.0 %");
    }

    @Test
    void theFigureFitsBesideTheSparklineInFrench(FxRobot robot) throws TimeoutException {
        assertFiguresFit(robot, Locale.FRENCH, "100,0\u00a0%");
    }

    private void assertFiguresFit(FxRobot robot, Locale locale, String widest) throws TimeoutException {
        System.setProperty("vireo.statsInterval", "1");
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        Messages messages = new Messages(locale);
        assertEquals(widest, TreeStatsColumns.widestPercent(messages));
        robot.interact(() -> MainStage.show(stage, context, List.of(), messages));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> runningVmCell(robot) != null
                && !runningVmCell(robot).cpuGraphic().valueNode().getText().isEmpty());
        TreeStatsColumns.CpuCell cell = runningVmCell(robot);
        CpuGraphic graphic = cell.cpuGraphic();
        Text figure = graphic.valueNode();
        assertTrue(cell.drawnSamples() > 0, "the sparkline has samples");
        assertTrue(figure.getText().matches("[0-9.,]+\\h%"), figure.getText());
        assertShownWhole(cell, figure);

        robot.interact(() -> graphic.setValue(widest));
        WaitForAsyncUtils.waitForFxEvents();
        assertShownWhole(cell, figure);
    }

    /** The figure lies inside the cell's area and takes one line (a figure wider than its slot would wrap). */
    private static void assertShownWhole(TreeStatsColumns.CpuCell cell, Text figure) {
        Bounds inCell = cell.sceneToLocal(figure.localToScene(figure.getBoundsInLocal()));
        assertTrue(inCell.getMinX() >= 0 && inCell.getMaxX() <= cell.getWidth(),
                "\"" + figure.getText() + "\" at " + inCell + " inside the cell's width " + cell.getWidth());
        Text line = new Text(figure.getText());
        line.setFont(figure.getFont());
        assertTrue(line.getLayoutBounds().getWidth() <= figure.getWrappingWidth(),
                "\"" + figure.getText() + "\" is " + line.getLayoutBounds().getWidth() + " wide, its slot "
                        + figure.getWrappingWidth());
        assertEquals(line.getLayoutBounds().getHeight(), figure.getLayoutBounds().getHeight(), 0.5,
                "\"" + figure.getText() + "\" on one line");
    }

    /** The CPU cell of the first running VM's row, once laid out. */
    private static TreeStatsColumns.CpuCell runningVmCell(FxRobot robot) {
        return robot.lookup(".tree-table-row-cell").match(node -> node instanceof TreeTableRow<?> row
                        && row.getItem() instanceof TreeRow.VmRow vm && vm.vm().state().isActive())
                .queryAll().stream().findFirst()
                .flatMap(row -> ((TreeTableRow<?>) row).getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof TreeStatsColumns.CpuCell).map(n -> (TreeStatsColumns.CpuCell) n)
                        .findFirst())
                .orElse(null);
    }
}
