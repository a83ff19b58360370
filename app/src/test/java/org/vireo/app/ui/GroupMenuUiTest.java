package org.vireo.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
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
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiDialogs;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        context = WindowOnFolders.context(home);
        context.store().save(List.of(
                new ConnectionEntry("h1", "test:///default", "Lab host", "Lab/rack 1", false, false, null)));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void connectDisconnectAndRenameAFolder(FxRobot robot) {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        UiWait.until("the host in the tree", () -> host(tree));

        rightClickFolder(robot, "Lab/rack 1");
        UiClick.onMenuItem(robot, "#groupConnectAll");
        Labeled counts = UiExpect.node(robot, "#connectProgressCounts", Labeled.class);
        awaitHostState(tree, ConnectionState.CONNECTED);
        UiExpect.until("the progress counts starting \"1 host: 1 connected\"", counts::getText,
                text -> text.startsWith("1 host: 1 connected"));
        Node close = UiClick.shown("#connectProgressClose",
                () -> UiClick.firstClickable(robot, "#connectProgressClose"));
        UiClick.on(robot, close);
        UiDialogs.awaitClosed("the connect progress window closed", close);

        rightClickFolder(robot, "Lab");
        UiClick.onMenuItem(robot, "#groupDisconnectAll");
        awaitHostState(tree, ConnectionState.DISCONNECTED);

        rightClickFolder(robot, "Lab");
        UiClick.onMenuItem(robot, "#groupRename");
        DialogPane rename = UiDialogs.showing(robot, "the rename dialog",
                p -> p.getStyleClass().contains("text-input-dialog"));
        UiDialogs.replaceText(robot, "the folder's new name",
                () -> Optional.ofNullable((TextField) rename.lookup(".text-field")), "Site B");
        robot.type(KeyCode.ENTER);
        UiDialogs.awaitClosed("the rename dialog closed", rename);
        // Both levels from one read of the tree.
        UiExpect.equal("the folder rows",
                List.of(new TreeRow.GroupRow("Site B"), new TreeRow.GroupRow("Site B/rack 1")),
                () -> {
                    TreeItem<TreeRow> site = tree.getRoot().getChildren().get(0);
                    return List.of(site.getValue(), site.getChildren().get(0).getValue());
                });
        Screenshots.save(robot, "group-renamed");
        UiExpect.eventually("the saved group renamed to Site B/rack 1",
                () -> context.store().load().entries().get(0).group().equals("Site B/rack 1"));
    }

    private static void awaitHostState(TreeTableView<TreeRow> tree, ConnectionState state) {
        UiExpect.equal("the host's state", state, () -> host(tree).map(HostSnapshot::state).orElse(null));
    }

    /** Right-clicks the folder's row, once laid out, and waits until the folder menu is shown. */
    private static void rightClickFolder(FxRobot robot, String name) {
        UiClick.secondary(robot, "the row of folder " + name, () -> robot.lookup("#hostTree .tree-table-row-cell")
                .match(cell -> isFolderRow(cell, name)).tryQuery());
        UiClick.shown("the folder menu", () -> UiClick.firstClickable(robot, "#groupRename"));
    }

    private static boolean isFolderRow(Node cell, String name) {
        return cell instanceof TreeTableRow<?> row && row.getItem() instanceof TreeRow.GroupRow g && name.equals(g.name());
    }

    /** The tree's (only) host; call on the FX thread. */
    private static Optional<HostSnapshot> host(TreeTableView<TreeRow> tree) {
        List<HostSnapshot> hosts = new ArrayList<>();
        if (tree.getRoot() != null) {
            collect(tree.getRoot(), hosts);
        }
        return hosts.stream().findFirst();
    }

    private static void collect(TreeItem<TreeRow> item, List<HostSnapshot> hosts) {
        if (item.getValue() instanceof TreeRow.HostRow h) {
            hosts.add(h.host());
        }
        item.getChildren().forEach(child -> collect(child, hosts));
    }
}
