package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiWait;
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
    void headersAndFiguresFitInEnglish(FxRobot robot) {
        assertNothingCut(robot, Locale.ROOT);
    }

    @Test
    void headersAndFiguresFitInFrench(FxRobot robot) {
        assertNothingCut(robot, Locale.FRENCH);
    }

    private void assertNothingCut(FxRobot robot, Locale locale) {
        context = WindowOnFolders.context(home);
        robot.interact(() -> MainStage.show(stage, context, List.of(), new Messages(locale)));
        List<String> cut = UiWait.until("the demo host's row with its memory figure, and VM rows, laid out",
                () -> cutLabels(robot));
        assertEquals(List.of(), cut, "labels cut at " + stage.getWidth() + "x" + stage.getHeight());
    }

    /**
     * The labels drawn shorter than their text, once the host's memory figure is shown and every label has been
     * laid out since its text last changed (before that, the drawn text is the previous one, not a cut one).
     */
    private static Optional<List<String>> cutLabels(FxRobot robot) {
        List<Labeled> hostCells = cells(robot, TreeRow.HostRow.class);
        List<Labeled> vmCells = cells(robot, TreeRow.VmRow.class);
        boolean memoryShown = hostCells.stream().anyMatch(c -> "memoryColumn".equals(
                ((TreeTableCell<?, ?>) c).getTableColumn().getId()) && c.getText() != null && c.getText().contains("/"));
        List<Labeled> shown = new ArrayList<>(robot.lookup("#hostTree .column-header .label").queryAllAs(Labeled.class));
        shown.addAll(hostCells);
        shown.addAll(vmCells);
        if (vmCells.isEmpty() || !memoryShown || shown.stream().anyMatch(Labeled::isNeedsLayout)) {
            return Optional.empty();
        }
        List<String> cut = new ArrayList<>();
        for (Labeled labeled : shown) {
            String drawn = drawnText(labeled);
            if (labeled.getText() != null && !labeled.getText().isEmpty() && !labeled.getText().equals(drawn)) {
                cut.add("\"" + labeled.getText() + "\" drawn as \"" + drawn + "\"");
            }
        }
        return Optional.of(cut);
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
