package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import org.vireo.resources.Messages;

/** User story: add a connection with the dialog, see it in the tree, disconnect and reconnect it from its menu. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AddConnectionUiTest {
    @TempDir
    Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theDialogShowsTheVirshUriAndOkAddsTheHostToTheTree(FxRobot robot) throws TimeoutException {
        robot.clickOn("#toolbarAddConnection");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#addConnectionDialog").tryQuery().isPresent());
        TextField uri = robot.lookup("#uriField").queryAs(TextField.class);
        Node ok = robot.lookup("#addConnectionOk").query();
        assertTrue(ok.isDisable(), "no host yet: OK is disabled");
        assertEquals("Enter the host to connect to over SSH.", robot.lookup("#uriError").queryAs(Label.class).getText());

        robot.clickOn("#hostField").write("node7.lab");
        robot.clickOn("#portField").write("2222");
        assertEquals("qemu+ssh://root@node7.lab:2222/system", uri.getText());
        robot.clickOn("#jumpHostsField").write("me@access.grid,frontend");
        assertFalse(ok.isDisable());
        Screenshots.save(robot, "add-connection-ssh");

        robot.doubleClickOn("#portField").eraseText(4).write("22x");
        assertTrue(ok.isDisable(), "a bad port disables OK");
        assertEquals("The port '22x' is not a number from 1 to 65535.", robot.lookup("#uriError").queryAs(Label.class).getText());
        Screenshots.save(robot, "add-connection-invalid");

        robot.clickOn("#uriField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("test:///default");
        assertEquals("libvirt test driver", robot.lookup("#hypervisorChoice").queryComboBox().getConverter()
                .toString(robot.lookup("#hypervisorChoice").queryComboBox().getValue()));
        assertTrue(robot.lookup("#hostField").query().isDisable(), "a local URI needs no host");
        robot.clickOn("#nameField").write("Lab default");
        robot.clickOn("#groupField").write("Lab");
        assertFalse(ok.isDisable());
        Screenshots.save(robot, "add-connection-test");
        robot.clickOn(ok);

        TreeTableView<TreeRow> tree = robot.lookup("#hostTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host(tree, "Lab default")
                .map(h -> h.state() == ConnectionState.CONNECTED).orElse(false));
        assertTrue(hostRows(tree).stream().noneMatch(h -> h.connectionId().equals("demo")), "the demo host made room");
        TreeItem<TreeRow> group = tree.getRoot().getChildren().get(0);
        assertEquals(new TreeRow.GroupRow("Lab"), group.getValue());

        rightClickHostRow(robot, "Lab default");
        robot.clickOn("#contextDisconnect");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host(tree, "Lab default")
                .map(h -> h.state() == ConnectionState.DISCONNECTED).orElse(false));
        rightClickHostRow(robot, "Lab default");
        Screenshots.save(robot, "host-context-menu");
        robot.clickOn("#contextConnect");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host(tree, "Lab default")
                .map(h -> h.state() == ConnectionState.CONNECTED).orElse(false));
    }

    @Test
    void aHostThatCannotConnectShowsWhyInTheTree(FxRobot robot) throws TimeoutException {
        robot.clickOn("#toolbarAddConnection");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#uriField").tryQuery().isPresent());
        robot.clickOn("#uriField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("test:///nonexistent/vireo-missing.xml");
        robot.clickOn("#addConnectionOk");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-table-cell")
                .match(cell -> cell instanceof javafx.scene.control.Labeled l && l.getText() != null
                        && l.getText().startsWith("Disconnected: ") && l.getText().contains("vireo-missing.xml"))
                .tryQuery().isPresent());
    }

    private static void rightClickHostRow(FxRobot robot, String name) throws TimeoutException {
        // A menu still closing from the previous choice would swallow this request.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contextConnect").tryQuery()
                .map(item -> item.getScene() == null || !item.getScene().getWindow().isShowing()).orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tree-table-row-cell")
                .match(cell -> isHostRow(cell, name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-table-row-cell").match(cell -> isHostRow(cell, name)).queryAs(Node.class),
                MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contextConnect").tryQuery().isPresent());
    }

    private static boolean isHostRow(Node cell, String name) {
        return cell instanceof TreeTableRow<?> row && row.getItem() instanceof TreeRow.HostRow h
                && name.equals(h.host().displayName());
    }

    private static Optional<HostSnapshot> host(TreeTableView<TreeRow> tree, String name) {
        return hostRows(tree).stream().filter(h -> name.equals(h.displayName())).findFirst();
    }

    private static List<HostSnapshot> hostRows(TreeTableView<TreeRow> tree) {
        List<HostSnapshot> hosts = new java.util.ArrayList<>();
        collect(tree.getRoot(), hosts);
        return hosts;
    }

    private static void collect(TreeItem<TreeRow> item, List<HostSnapshot> hosts) {
        if (item.getValue() instanceof TreeRow.HostRow h) {
            hosts.add(h.host());
        }
        item.getChildren().forEach(child -> collect(child, hosts));
    }
}
