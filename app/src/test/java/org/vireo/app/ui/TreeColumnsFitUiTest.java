package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeTableCell;
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
 * At the window's default size the host tree shows its headers and the demo host's state, memory and vCPU figures
 * whole, in English and in French: JavaFX cuts a label that does not fit to "…", which is what this looks for.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TreeColumnsFitUiTest {
    private static final List<String> COLUMNS = List.of("stateColumn", "memoryColumn", "vcpuColumn");

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
        if (context != null) {
            context.close();
        }
    }

    @Test
    void headersAndFiguresFitInEnglish(FxRobot robot) throws TimeoutException {
        assertNothingCut(robot, Locale.ROOT);
    }

    @Test
    void headersAndFiguresFitInFrench(FxRobot robot) throws TimeoutException {
        assertNothingCut(robot, Locale.FRENCH);
    }

    private void assertNothingCut(FxRobot robot, Locale locale) throws TimeoutException {
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        robot.interact(() -> MainStage.show(stage, context, List.of(), new Messages(locale)));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !cells(robot, TreeRow.HostRow.class).isEmpty()
                && !cells(robot, TreeRow.VmRow.class).isEmpty()
                && cells(robot, TreeRow.HostRow.class).stream().anyMatch(c -> "memoryColumn".equals(
                        ((TreeTableCell<?, ?>) c).getTableColumn().getId()) && c.getText() != null && c.getText().contains("/")));
        WaitForAsyncUtils.waitForFxEvents();

        List<Labeled> shown = new ArrayList<>(robot.lookup("#hostTree .column-header .label").queryAllAs(Labeled.class));
        shown.addAll(cells(robot, TreeRow.HostRow.class));
        shown.addAll(cells(robot, TreeRow.VmRow.class));
        List<String> cut = new ArrayList<>();
        for (Labeled labeled : shown) {
            String drawn = drawnText(labeled);
            if (labeled.getText() != null && !labeled.getText().isEmpty() && !labeled.getText().equals(drawn)) {
                cut.add("\"" + labeled.getText() + "\" drawn as \"" + drawn + "\"");
            }
        }
        assertEquals(List.of(), cut, "labels cut at " + stage.getWidth() + "x" + stage.getHeight());
    }

    /** The state, memory and vCPU cells of the laid-out rows holding a {@code type} row. */
    private static List<Labeled> cells(FxRobot robot, Class<? extends TreeRow> type) {
        List<Labeled> cells = new ArrayList<>();
        for (Node row : robot.lookup("#hostTree .tree-table-row-cell").queryAll()) {
            if (row instanceof TreeTableRow<?> r && type.isInstance(r.getItem())) {
                for (Node child : r.getChildrenUnmodifiable()) {
                    if (child instanceof TreeTableCell<?, ?> cell && COLUMNS.contains(cell.getTableColumn().getId())) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    /** The text the skin draws: the label's own, or a shortened one ending in "…". */
    private static String drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }
}
