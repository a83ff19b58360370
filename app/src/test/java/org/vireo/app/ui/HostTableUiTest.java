package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
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
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.hosts.HostTableModel;
import org.vireo.app.hosts.StorageSection;
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
    private String demoUri;

    @Start
    void start(Stage stage) {
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        demoUri = DemoHost.uri(home.resolve("demo"));
        MainStage.show(stage, context, List.of(demoUri, "test:///default"), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsHostsSortsByVmCountAndOpensAHostsStorage(FxRobot robot) throws TimeoutException {
        robot.clickOn("#mainWindow");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hostTable").tryQuery().isPresent());
        TableView<HostTableModel.Row> table = robot.lookup("#hostTable").queryAs(TableView.class);

        // Both hosts connected and read: the demo host has 6 VMs (web1, web2, router running, db1 paused).
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 2
                && table.getItems().stream().allMatch(r -> r.summary().read()));
        WaitForAsyncUtils.waitForFxEvents();
        HostTableModel.Row demo = table.getItems().stream().filter(r -> r.summary().vmsTotal() == 6).findFirst()
                .orElseThrow();
        assertTrue(shows(robot, demo, "colVmsTotal", "6"), "the demo row shows 6 VMs");
        assertTrue(shows(robot, demo, "colVmsActive", "4"), "4 of them active");
        assertTrue(shows(robot, demo, "colStorageTotal", "200 GiB"), "two pools of 100 GiB");
        assertTrue(shows(robot, demo, "colCpus", "16 × x86_64 (2×4×2)"));
        assertTrue(shows(robot, demo, "colState", "Connected"));

        TableColumn<HostTableModel.Row, ?> vms = table.getColumns().stream().filter(c -> "colVmsTotal".equals(c.getId()))
                .findFirst().orElseThrow();
        robot.clickOn(vms.getText()); // ascending: test:///default's one VM first
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().get(0).summary().vmsTotal() == 1);
        robot.clickOn(vms.getText()); // descending: the demo host first
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().get(0).summary().vmsTotal() == 6);

        robot.doubleClickOn(cell(robot, table.getItems().get(0), "colName"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#detailsTitle").queryAs(Label.class)
                .getText().equals(demo.summary().name()));
        robot.clickOn(robot.lookup(".tab").match(n -> n.getId() != null && n.getId().equals("tab-details.tab.storage"))
                .queryAs(Node.class));
        TreeTableView<StorageSection.Line> storage = robot.lookup("#storageTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> storage.getRoot().getChildren().size() == 2);
        TreeItem<StorageSection.Line> pool = storage.getRoot().getChildren().stream()
                .filter(i -> i.getValue().name().equals("default")).findFirst().orElseThrow();
        assertEquals(List.of("builder1.qcow2", "builder2.qcow2", "db1.qcow2", "router.qcow2", "web1.qcow2",
                "web2.qcow2"), pool.getChildren().stream().map(i -> i.getValue().name()).toList());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#storageTree .tree-table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "web1.qcow2".equals(l.getText())).tryQuery().isPresent(), "the volume's row is painted");
    }

    private static Node cell(FxRobot robot, HostTableModel.Row row, String column) {
        return robot.lookup("#hostTable .table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && column.equals(c.getTableColumn().getId()) && row.id().equals(
                        c.getItem() instanceof HostTableModel.Row r ? r.id() : null)).queryAs(Node.class);
    }

    private static boolean shows(FxRobot robot, HostTableModel.Row row, String column, String text) {
        return cell(robot, row, column) instanceof javafx.scene.control.Labeled l && text.equals(l.getText());
    }
}
