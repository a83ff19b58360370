package org.vireo.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.testfx.api.FxRobot;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.model.HostSnapshot;

/**
 * What the main window's host tree shows: its rows, and the text of its visible cells. Each answer is read on the FX
 * thread (the tree changes there at any moment) and is a copy of values, never a cell a layout pass may recycle.
 */
final class HostTreeLookup {
    private final FxRobot robot;

    HostTreeLookup(FxRobot robot) {
        this.robot = robot;
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<TreeRow> tree() {
        return UiWait.onFx(() -> robot.lookup("#hostTree").queryAs(TreeTableView.class));
    }

    /** The host row of {@code uri}, if the tree has one. */
    Optional<HostSnapshot> host(String uri) {
        return UiWait.onFx(() -> rows().stream().filter(r -> r instanceof TreeRow.HostRow)
                .map(r -> ((TreeRow.HostRow) r).host()).filter(h -> h.uri().equals(uri)).findFirst());
    }

    /** Names of the VM rows under the host of {@code uri}. */
    List<String> vmNames(String uri) {
        // One read: the host and its VMs as the tree held them at the same instant.
        return UiWait.onFx(() -> {
            Optional<HostSnapshot> host = host(uri);
            if (host.isEmpty()) {
                return List.of();
            }
            String id = host.get().connectionId();
            return rows().stream().filter(r -> r instanceof TreeRow.VmRow v && v.connectionId().equals(id))
                    .map(r -> ((TreeRow.VmRow) r).vm().name()).toList();
        });
    }

    /** True when a visible cell of the tree shows a text starting with {@code prefix} and containing {@code part}. */
    boolean showsCell(String prefix, String part) {
        return UiWait.onFx(() -> robot.lookup("#hostTree .tree-table-cell").match(cell -> cell instanceof Labeled l
                && l.getText() != null && l.getText().startsWith(prefix) && l.getText().contains(part)).tryQuery()
                .isPresent());
    }

    private List<TreeRow> rows() {
        return rows(tree());
    }

    /** Every row of {@code tree}, folded ones included, top to bottom; read on the FX thread. */
    static List<TreeRow> rows(TreeTableView<TreeRow> tree) {
        return UiWait.onFx(() -> {
            List<TreeRow> rows = new ArrayList<>();
            if (tree.getRoot() != null) {
                collect(tree.getRoot(), rows);
            }
            return rows;
        });
    }

    private static void collect(TreeItem<TreeRow> item, List<TreeRow> rows) {
        if (item.getValue() != null) {
            rows.add(item.getValue());
        }
        item.getChildren().forEach(child -> collect(child, rows));
    }
}
