package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.graphs.BusiestSection;
import org.vireo.app.graphs.LineGraph;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        System.clearProperty("vireo.statsInterval");
        context.close();
    }

    @Test
    void graphsOfARunningVmSparklinesInTheTreeAndTheBusiestList(FxRobot robot) {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        UiWait.until("web1 in the tree", () -> Optional.ofNullable(vmRow(tree, "web1")));
        UiClick.on(robot, "web1's row", () -> Optional.ofNullable(rowCell(robot, "vm", "web1")));
        UiExpect.equal("the details title", "web1",
                () -> robot.lookup("#detailsTitle").queryAs(Labeled.class).getText());
        UiClick.on(robot, "the Graphs tab", () -> robot.lookup(".tab .tab-label")
                .match(n -> n instanceof Labeled l && "Graphs".equals(l.getText())).tryQuery());

        LineGraph cpu = UiExpect.node(robot, "#graphVmCpu", LineGraph.class);
        // Count, value and summary from one read: the next sample may come in between two reads.
        Drawn cpuDrawn = UiExpect.until("two CPU samples drawn", () -> Drawn.of(cpu), d -> d.samples() >= 2);
        assertEquals(100.0 / 16, cpuDrawn.last(), 1.0, "one wall-clock-busy guest on a 16-CPU host: " + cpuDrawn);
        assertTrue(cpuDrawn.summary().startsWith("CPU   now "), cpuDrawn.summary());
        LineGraph memory = UiExpect.node(robot, "#graphVmMemory", LineGraph.class);
        UiExpect.until("1 GiB of memory drawn", () -> Drawn.of(memory), d -> d.last() == 1024 * 1024);
        LineGraph disk = UiExpect.node(robot, "#graphVmDisk", LineGraph.class);
        Drawn diskDrawn = UiExpect.until("two disk samples drawn", () -> Drawn.of(disk), d -> d.samples() >= 2);
        assertTrue(Double.isNaN(diskDrawn.last()),
                "the test driver reports no disk counters: drawn as a gap, not as zero: " + diskDrawn);

        // The tree: web1's CPU cell shows its latest value beside the sparkline; the host row its memory use.
        UiExpect.until("web1's CPU cell showing a percentage",
                () -> cellText(rowCell(robot, "vm", "web1"), "cpuColumn"),
                text -> text.matches("[0-9.]+ %"));
        UiExpect.until("the host's memory cell showing \"… / 32 GiB\"",
                () -> cellText(rowCell(robot, "host", null), "memoryColumn"), text -> text.matches(".+ / 32 GiB"));

        // Nothing selected: the fleet overview lists the busiest running VMs first.
        robot.interact(() -> tree.getSelectionModel().clearSelection());
        UiClick.on(robot, "the Busiest VMs tab", () -> robot.lookup(".tab .tab-label")
                .match(n -> n instanceof Labeled l && "Busiest VMs".equals(l.getText())).tryQuery());
        TableView<BusiestSection.Busy> busiest = UiExpect.node(robot, "#busiestTable", TableView.class);
        List<BusiestSection.Busy> rows = UiExpect.until("four busy VMs listed", () -> List.copyOf(busiest.getItems()),
                items -> items.size() == 4);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).cpuPercent() >= rows.get(i).cpuPercent(), rows.toString());
        }
        assertTrue(rows.stream().map(BusiestSection.Busy::vm).toList().containsAll(List.of("web1", "web2", "router")),
                rows.toString());
    }

    /** What a graph had drawn at one instant. */
    private record Drawn(int samples, double last, String summary) {
        static Drawn of(LineGraph graph) {
            return new Drawn(graph.sampleCountProperty().get(), graph.lastDrawnValueProperty().get(),
                    graph.summaryProperty().get());
        }
    }

    /** The VM row named {@code name} in the tree's items, or null; call on the FX thread. */
    private static TreeRow.VmRow vmRow(TreeTableView<TreeRow> tree, String name) {
        return tree.getRoot() == null ? null : find(tree.getRoot(), name);
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

    /** The row of the VM named {@code name} ("vm") or of the host ("host"), once laid out; call on the FX thread. */
    private static TreeTableRow<?> rowCell(FxRobot robot, String kind, String name) {
        return robot.lookup("#hostTree .tree-table-row-cell").match(node -> node instanceof TreeTableRow<?> row
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
