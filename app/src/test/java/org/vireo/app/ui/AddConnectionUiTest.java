package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiDialogs;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theDialogShowsTheVirshUriAndOkAddsTheHostToTheTree(FxRobot robot) {
        UiClick.on(robot, "#toolbarAddConnection");
        DialogPane dialog = UiDialogs.withId(robot, "addConnectionDialog");
        TextField uri = field(dialog, "#uriField");
        Node ok = UiWait.onFx(() -> dialog.lookup("#addConnectionOk"));
        Label uriError = UiWait.onFx(() -> (Label) dialog.lookup("#uriError"));
        assertTrue(UiWait.onFx(ok::isDisable), "no host yet: OK is disabled");
        assertEquals("Enter the host to connect to over SSH.", UiWait.onFx(uriError::getText));

        UiDialogs.replaceText(robot, "the host field", () -> Optional.of(field(dialog, "#hostField")), "node7.lab");
        UiDialogs.replaceText(robot, "the port field", () -> Optional.of(field(dialog, "#portField")), "2222");
        UiExpect.equal("the URI", "qemu+ssh://root@node7.lab:2222/system", uri::getText);
        UiDialogs.replaceText(robot, "the jump hosts field", () -> Optional.of(field(dialog, "#jumpHostsField")),
                "me@access.grid,frontend");
        UiExpect.equal("OK disabled", false, ok::isDisable);
        Screenshots.save(robot, "add-connection-ssh");

        UiDialogs.replaceText(robot, "the port field", () -> Optional.of(field(dialog, "#portField")), "22x");
        UiExpect.equal("OK disabled after a bad port", true, ok::isDisable);
        UiExpect.equal("the URI's error", "The port '22x' is not a number from 1 to 65535.", uriError::getText);
        Screenshots.save(robot, "add-connection-invalid");

        UiDialogs.replaceText(robot, "the URI field", () -> Optional.of(uri), "test:///default");
        UiExpect.equal("the hypervisor shown", "libvirt test driver", () -> {
            ComboBox<Object> choice = robot.from(dialog).lookup("#hypervisorChoice").queryComboBox();
            return choice.getConverter().toString(choice.getValue());
        });
        UiExpect.equal("the host field disabled (a local URI needs no host)", true,
                () -> field(dialog, "#hostField").isDisable());
        UiDialogs.replaceText(robot, "the name field", () -> Optional.of(field(dialog, "#nameField")), "Lab default");
        UiDialogs.replaceText(robot, "the group field", () -> Optional.of(field(dialog, "#groupField")), "Lab");
        UiExpect.equal("OK disabled", false, ok::isDisable);
        Screenshots.save(robot, "add-connection-test");
        UiClick.on(robot, ok);
        UiDialogs.awaitClosed("the add connection dialog closed", dialog);

        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        awaitState(tree, "Lab default", ConnectionState.CONNECTED);
        UiExpect.until("the demo host gone (it made room)",
                () -> hostRows(tree).stream().map(HostSnapshot::connectionId).toList(), ids -> !ids.contains("demo"));
        UiExpect.equal("the tree's first row", new TreeRow.GroupRow("Lab"),
                () -> tree.getRoot().getChildren().get(0).getValue());

        rightClickHostRow(robot, "Lab default");
        UiClick.onMenuItem(robot, "#contextDisconnect");
        awaitState(tree, "Lab default", ConnectionState.DISCONNECTED);
        rightClickHostRow(robot, "Lab default");
        Screenshots.save(robot, "host-context-menu");
        UiClick.onMenuItem(robot, "#contextConnect");
        awaitState(tree, "Lab default", ConnectionState.CONNECTED);
    }

    @Test
    void aHostThatCannotConnectShowsWhyInTheTree(FxRobot robot) {
        UiClick.on(robot, "#toolbarAddConnection");
        DialogPane dialog = UiDialogs.withId(robot, "addConnectionDialog");
        UiDialogs.replaceText(robot, "the URI field", () -> Optional.of(field(dialog, "#uriField")),
                "test:///nonexistent/vireo-missing.xml");
        UiClick.on(robot, "OK", () -> Optional.ofNullable(dialog.lookup("#addConnectionOk")));
        HostTreeLookup hosts = new HostTreeLookup(robot);
        UiWait.untilTrue("a tree cell saying \"Disconnected: …vireo-missing.xml…\"",
                () -> hosts.showsCell("Disconnected: ", "vireo-missing.xml"));
    }

    /** A text field of the dialog; found on the FX thread. */
    private static TextField field(DialogPane dialog, String id) {
        return UiWait.onFx(() -> (TextField) dialog.lookup(id));
    }

    private static void awaitState(TreeTableView<TreeRow> tree, String name, ConnectionState state) {
        UiExpect.equal("the state of host " + name, state,
                () -> host(tree, name).map(HostSnapshot::state).orElse(null));
    }

    /** Right-clicks the host's row, once laid out, and waits until its context menu is shown. */
    private static void rightClickHostRow(FxRobot robot, String name) {
        UiClick.secondary(robot, "the row of host " + name, () -> robot.lookup("#hostTree .tree-table-row-cell")
                .match(cell -> isHostRow(cell, name)).tryQuery());
        UiClick.shown("the host's context menu", () -> UiClick.firstClickable(robot, "#contextConnect"));
    }

    private static boolean isHostRow(Node cell, String name) {
        return cell instanceof TreeTableRow<?> row && row.getItem() instanceof TreeRow.HostRow h
                && name.equals(h.host().displayName());
    }

    private static Optional<HostSnapshot> host(TreeTableView<TreeRow> tree, String name) {
        return hostRows(tree).stream().filter(h -> name.equals(h.displayName())).findFirst();
    }

    /** The tree's host rows, read on the FX thread. */
    private static List<HostSnapshot> hostRows(TreeTableView<TreeRow> tree) {
        return UiWait.onFx(() -> {
            List<HostSnapshot> hosts = new java.util.ArrayList<>();
            if (tree.getRoot() != null) {
                collect(tree.getRoot(), hosts);
            }
            return hosts;
        });
    }

    private static void collect(TreeItem<TreeRow> item, List<HostSnapshot> hosts) {
        if (item.getValue() instanceof TreeRow.HostRow h) {
            hosts.add(h.host());
        }
        item.getChildren().forEach(child -> collect(child, hosts));
    }
}
