package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
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
import org.vireo.app.graphs.BusiestSection;
import org.vireo.app.graphs.LineGraph;
import org.vireo.app.main.TreeRow;
import org.vireo.resources.Messages;

/**
 * User story: on the demo host, the user selects a running VM and opens its graphs; the tree shows CPU
 * sparklines and the host's memory use; with nothing selected the busiest VMs are listed. The test driver's
 * running guests count wall-clock time as CPU time, so each shows 1/16 of the 16-CPU demo host.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GraphsUiTest {
    @TempDir
    static Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        System.setProperty("vireo.statsInterval", "1");
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        System.clearProperty("vireo.statsInterval");
        context.close();
    }

    @Test
    void graphsOfARunningVmSparklinesInTheTreeAndTheBusiestList(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vmRow(tree, "web1") != null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rowCell(robot, "vm", "web1") != null);
        robot.clickOn(rowCell(robot, "vm", "web1"));
        robot.clickOn(robot.lookup(".tab .tab-label").match(n -> n instanceof Labeled l && "Graphs".equals(l.getText()))
                .queryAs(Node.class));

        LineGraph cpu = robot.lookup("#graphVmCpu").queryAs(LineGraph.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cpu.sampleCountProperty().get() >= 2);
        double drawn = cpu.lastDrawnValueProperty().get();
        assertEquals(100.0 / 16, drawn, 1.0, "one wall-clock-busy guest on a 16-CPU host");
        assertTrue(cpu.summaryProperty().get().startsWith("CPU   now "), cpu.summaryProperty().get());
        LineGraph memory = robot.lookup("#graphVmMemory").queryAs(LineGraph.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> memory.lastDrawnValueProperty().get() == 1024 * 1024);
        LineGraph disk = robot.lookup("#graphVmDisk").queryAs(LineGraph.class);
        assertTrue(disk.sampleCountProperty().get() >= 2 && Double.isNaN(disk.lastDrawnValueProperty().get()),
                "the test driver reports no disk counters: drawn as a gap, not as zero");

        // The tree: web1's CPU cell shows its latest value beside the sparkline; the host row its memory use.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellText(rowCell(robot, "vm", "web1"), "cpuColumn")
                .matches("[0-9.]+ %"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellText(rowCell(robot, "host", null), "memoryColumn")
                .matches(".+ / 32 GiB"));

        // Nothing selected: the fleet overview lists the busiest running VMs first.
        robot.interact(() -> tree.getSelectionModel().clearSelection());
        robot.clickOn(robot.lookup(".tab .tab-label").match(n -> n instanceof Labeled l && "Busiest VMs".equals(l.getText()))
                .queryAs(Node.class));
        TableView<BusiestSection.Busy> busiest = robot.lookup("#busiestTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> busiest.getItems().size() == 4);
        List<BusiestSection.Busy> rows = List.copyOf(busiest.getItems());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).cpuPercent() >= rows.get(i).cpuPercent(), rows.toString());
        }
        assertTrue(rows.stream().map(BusiestSection.Busy::vm).toList().containsAll(List.of("web1", "web2", "router")),
                rows.toString());
    }

    private static TreeRow.VmRow vmRow(TreeTableView<TreeRow> tree, String name) {
        return find(tree.getRoot(), name);
    }

    private static TreeRow.VmRow find(TreeItem<TreeRow> item, String name) {
        if (item.getValue() instanceof TreeRow.VmRow v && v.vm().name().equals(name)) {
            return v;
        }
        for (TreeItem<TreeRow> child : item.getChildren()) {
            TreeRow.VmRow found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The row of the VM named {@code name} ("vm") or of the host ("host"), once laid out. */
    private static TreeTableRow<?> rowCell(FxRobot robot, String kind, String name) {
        return robot.lookup(".tree-table-row-cell").match(node -> node instanceof TreeTableRow<?> row
                && (kind.equals("vm") ? row.getItem() instanceof TreeRow.VmRow v && v.vm().name().equals(name)
                : row.getItem() instanceof TreeRow.HostRow)).tryQueryAs(TreeTableRow.class).orElse(null);
    }

    private static String cellText(TreeTableRow<?> row, String columnId) {
        if (row == null) {
            return "";
        }
        return row.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.TreeTableCell<?, ?> c && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId()))
                .map(GraphsUiTest::shownText).filter(t -> t != null).findFirst().orElse("");
    }

    /** A cell's text, or the CPU figure beside its sparkline. */
    private static String shownText(Node cell) {
        String own = ((Labeled) cell).getText();
        return own != null ? own : cell.lookup(".cpu-percent") instanceof javafx.scene.text.Text t ? t.getText() : null;
    }
}
