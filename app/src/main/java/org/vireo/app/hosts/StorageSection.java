package org.vireo.app.hosts;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.vireo.connections.host.HostSummary;
import org.vireo.connections.host.StoragePoolInfo;
import org.vireo.connections.host.StorageVolumeInfo;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/** The host page's Storage tab: each pool (capacity, allocation, available) with its volumes beneath it. */
public final class StorageSection extends HostPageSection {
    /** One line of the tree: a pool or one of its volumes. */
    public record Line(String name, String detail, long capacityBytes, long allocationBytes, long availableBytes,
                       boolean pool) {
        static Line of(StoragePoolInfo p, Messages messages) {
            String state = messages.get(p.active() ? "storage.active" : "storage.inactive");
            return new Line(p.name(), p.type() + ", " + state, p.capacityBytes(), p.allocationBytes(),
                    p.availableBytes(), true);
        }

        static Line of(StorageVolumeInfo v) {
            return new Line(v.name(), v.path(), v.capacityBytes(), v.allocationBytes(), -1, false);
        }
    }

    private final Messages messages;
    private final Units units;
    private final TreeTableView<Line> tree = new TreeTableView<>(new TreeItem<>());
    private final Label problem = new Label();

    public StorageSection(HostPageModel model, Messages messages) {
        super(model, "details.tab.storage", "storageSection");
        this.messages = messages;
        this.units = new Units(messages);
        tree.setId("storageTree");
        tree.setShowRoot(false);
        tree.setPlaceholder(new Label(messages.get("storage.none")));
        tree.getColumns().add(column("storage.name", Line::name));
        tree.getColumns().add(column("storage.detail", Line::detail));
        tree.getColumns().add(column("storage.capacity", l -> units.bytes(l.capacityBytes())));
        tree.getColumns().add(column("storage.allocation", l -> units.bytes(l.allocationBytes())));
        tree.getColumns().add(column("storage.available", l -> l.pool() ? units.bytes(l.availableBytes()) : ""));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problem.setId("storageProblem");
        problem.textProperty().bind(model.problemProperty());
        Button refresh = new Button(messages.get("hostPage.refresh"));
        refresh.setId("storageRefresh");
        refresh.setOnAction(e -> model.reload());
        root.setCenter(tree);
        root.setBottom(new HBox(8, refresh, problem));
        BorderPane.setMargin(tree, new Insets(0, 0, 6, 0));
        model.summaryProperty().addListener((obs, old, now) -> rebuild(now));
    }

    private TreeTableColumn<Line, String> column(String key, Function<Line, String> text) {
        TreeTableColumn<Line, String> column = new TreeTableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue() == null ? ""
                : text.apply(c.getValue().getValue())));
        return column;
    }

    private void rebuild(HostSummary summary) {
        tree.getRoot().getChildren().clear();
        if (summary == null) {
            return;
        }
        for (StoragePoolInfo pool : summary.pools()) {
            TreeItem<Line> item = new TreeItem<>(Line.of(pool, messages));
            item.setExpanded(true);
            pool.volumes().stream().sorted(java.util.Comparator.comparing(StorageVolumeInfo::name))
                    .forEach(v -> item.getChildren().add(new TreeItem<>(Line.of(v))));
            tree.getRoot().getChildren().add(item);
        }
    }
}
