package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
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
import org.vireo.app.hosts.HostTableModel;
import org.vireo.app.hosts.StorageSection;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.demo.DemoHost;
import org.vireo.resources.Messages;

/**
 * User story: an admin opens the host table (View → Host table) over the demo host and libvirt's default test host,
 * reads each host's VM count and storage, sorts by VM count, and opens the demo host's page to see its pools.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HostTableUiTest {
    @TempDir
    static Path home;

    private AppContext context;
    private Stage stage;
    private String demoUri;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = WindowOnFolders.context(home);
        demoUri = DemoHost.uri(home.resolve("demo"));
        MainStage.show(stage, context, List.of(demoUri, "test:///default"), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsHostsSortsByVmCountAndOpensAHostsStorage(FxRobot robot) {
        UiClick.on(robot, "#mainWindow");
        UiWait.untilTrue("the main window focused, for its shortcut", () -> stage.isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        TableView<HostTableModel.Row> table = UiClick.shown("the host table", () -> robot.lookup("#hostTable")
                .tryQueryAs(TableView.class));

        // Both hosts connected and read: the demo host has 6 VMs (web1, web2, router running, db1 paused).
        List<HostTableModel.Row> rows = UiExpect.until("two hosts, both read", () -> List.copyOf(table.getItems()),
                items -> items.size() == 2 && items.stream().allMatch(r -> r.summary().read()));
        HostTableModel.Row demo = rows.stream().filter(r -> r.summary().vmsTotal() == 6).findFirst().orElseThrow(
                () -> new AssertionError("no host with 6 VMs: " + rows));
        expectShown(robot, demo, "colVmsTotal", "6"); // the demo row shows 6 VMs
        expectShown(robot, demo, "colVmsActive", "4"); // 4 of them active
        expectShown(robot, demo, "colStorageTotal", "200 GiB"); // two pools of 100 GiB
        expectShown(robot, demo, "colCpus", "16 × x86_64 (2×4×2)");
        expectShown(robot, demo, "colState", "Connected");

        TableColumn<HostTableModel.Row, ?> vms = UiWait.onFx(() -> table.getColumns().stream()
                .filter(c -> "colVmsTotal".equals(c.getId())).findFirst().orElseThrow());
        clickHeader(robot, table, vms); // ascending: test:///default's one VM first
        UiExpect.equal("the first row's VM count", 1, () -> table.getItems().get(0).summary().vmsTotal());
        clickHeader(robot, table, vms); // descending: the demo host first
        HostTableModel.Row first = UiExpect.until("the demo host (6 VMs) first", () -> table.getItems().get(0),
                row -> row.summary().vmsTotal() == 6);

        UiClick.twice(robot, "the name cell of " + first.summary().name(), () -> cell(robot, first, "colName"));
        UiExpect.equal("the details title", demo.summary().name(),
                () -> robot.lookup("#detailsTitle").queryAs(Label.class).getText());
        VmOpsUiTest.clickTab(robot, "tab-details.tab.storage");
        TreeTableView<StorageSection.Line> storage = UiExpect.node(robot, "#storageTree", TreeTableView.class);
        // The pool's volumes as listed once both pools are read, all from one read of the tree.
        List<String> volumes = UiExpect.until("two pools, the default one with its volumes", () -> {
            if (storage.getRoot() == null || storage.getRoot().getChildren().size() != 2) {
                return null;
            }
            return storage.getRoot().getChildren().stream().filter(i -> i.getValue().name().equals("default"))
                    .findFirst().map(pool -> pool.getChildren().stream().map(i -> i.getValue().name()).toList())
                    .orElse(null);
        }, names -> names != null && !names.isEmpty());
        assertEquals(List.of("builder1.qcow2", "builder2.qcow2", "db1.qcow2", "router.qcow2", "web1.qcow2",
                "web2.qcow2"), volumes);
        UiWait.until("the volume web1.qcow2's row painted", () -> robot.from(storage).lookup(".tree-table-cell")
                .match(n -> n instanceof javafx.scene.control.Labeled l && "web1.qcow2".equals(l.getText()))
                .tryQuery());
    }

    /** Clicks the column's header in the host table (not a text lookup, which other windows may also match). */
    private static void clickHeader(FxRobot robot, TableView<?> table, TableColumn<?, ?> column) {
        UiClick.on(robot, "the header of " + column.getId(), () -> robot.from(table).lookup(".column-header")
                .match(n -> n instanceof TableColumnHeader h && h.getTableColumn() == column).tryQuery());
    }

    /** The laid-out cell of {@code row} in {@code column}, if shown; call on the FX thread. */
    private static Optional<Node> cell(FxRobot robot, HostTableModel.Row row, String column) {
        return robot.lookup("#hostTable .table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && column.equals(c.getTableColumn().getId()) && row.id().equals(
                        c.getItem() instanceof HostTableModel.Row r ? r.id() : null)).tryQuery();
    }

    /** Waits until the row's cell in {@code column} shows {@code text}. */
    private static void expectShown(FxRobot robot, HostTableModel.Row row, String column, String text) {
        UiExpect.equal(column + " of " + row.summary().name(), text, () -> cell(robot, row, column)
                .map(c -> ((javafx.scene.control.Labeled) c).getText()).orElse(null));
    }
}
