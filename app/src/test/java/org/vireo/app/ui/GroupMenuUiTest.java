package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/** A nested folder from its context menu: connect all (with the progress window), disconnect all, rename. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GroupMenuUiTest {
    @TempDir
    Path home;

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        context.store().save(List.of(
                new ConnectionEntry("h1", "test:///default", "Lab host", "Lab/rack 1", false, false, null)));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void connectDisconnectAndRenameAFolder(FxRobot robot) throws Exception {
        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host(tree).isPresent());

        rightClickFolder(robot, "Lab/rack 1");
        robot.clickOn("#groupConnectAll");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connectProgressCounts").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host(tree).map(h -> h.state() == ConnectionState.CONNECTED).orElse(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#connectProgressCounts")
                .queryLabeled().getText().startsWith("1 host: 1 connected"));
        robot.clickOn("#connectProgressClose");

        rightClickFolder(robot, "Lab");
        robot.clickOn("#groupDisconnectAll");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host(tree).map(h -> h.state() == ConnectionState.DISCONNECTED).orElse(false));

        rightClickFolder(robot, "Lab");
        robot.clickOn("#groupRename");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".text-input-dialog .text-field").tryQuery().isPresent());
        robot.clickOn(".text-input-dialog .text-field").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("Site B").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tree.getRoot().getChildren().isEmpty()
                && tree.getRoot().getChildren().get(0).getValue().equals(new TreeRow.GroupRow("Site B")));
        TreeItem<TreeRow> site = tree.getRoot().getChildren().get(0);
        assertEquals(new TreeRow.GroupRow("Site B/rack 1"), site.getChildren().get(0).getValue());
        Screenshots.save(robot, "group-renamed");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> context.store().load().entries().get(0).group().equals("Site B/rack 1"));
    }

    private static void rightClickFolder(FxRobot robot, String name) throws TimeoutException {
        // A menu still closing from the previous choice would swallow this request.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#groupRename").tryQuery()
                .map(item -> item.getScene() == null || !item.getScene().getWindow().isShowing()).orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tree-table-row-cell")
                .match(cell -> isFolderRow(cell, name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-table-row-cell").match(cell -> isFolderRow(cell, name)).queryAs(Node.class),
                MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#groupRename").tryQuery().isPresent());
    }

    private static boolean isFolderRow(Node cell, String name) {
        return cell instanceof TreeTableRow<?> row && row.getItem() instanceof TreeRow.GroupRow g && name.equals(g.name());
    }

    private static Optional<HostSnapshot> host(TreeTableView<TreeRow> tree) {
        List<HostSnapshot> hosts = new ArrayList<>();
        collect(tree.getRoot(), hosts);
        return hosts.stream().findFirst();
    }

    private static void collect(TreeItem<TreeRow> item, List<HostSnapshot> hosts) {
        if (item.getValue() instanceof TreeRow.HostRow h) {
            hosts.add(h.host());
        }
        item.getChildren().forEach(child -> collect(child, hosts));
    }
}
