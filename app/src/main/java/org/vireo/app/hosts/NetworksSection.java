package org.vireo.app.hosts;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.vireo.connections.host.NetworkInfo;
import org.vireo.resources.Messages;

/** The host page's Networks tab: each virtual network with its state, bridge, forward mode and addresses. */
public final class NetworksSection extends HostPageSection {
    private final Messages messages;
    private final TableView<NetworkInfo> table = new TableView<>();

    /** Shares {@code model} with the Storage tab: one read serves both. */
    public NetworksSection(HostPageModel model, Messages messages) {
        super(model, "details.tab.networks", "networksSection");
        this.messages = messages;
        table.setId("networkTable");
        table.setPlaceholder(new Label(messages.get("network.none")));
        table.getColumns().add(column("network.name", NetworkInfo::name));
        table.getColumns().add(column("network.active", n -> yesNo(n.active())));
        table.getColumns().add(column("network.autostart", n -> yesNo(n.autostart())));
        table.getColumns().add(column("network.bridge", NetworkInfo::bridge));
        table.getColumns().add(column("network.forward", n -> n.forwardMode().isEmpty()
                ? messages.get("network.isolated") : n.forwardMode()));
        table.getColumns().add(column("network.ipRange", NetworkInfo::ipRange));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        root.setCenter(table);
        root.setBottom(problem);
        model.summaryProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getItems().clear();
            } else {
                table.getItems().setAll(now.networks());
            }
        });
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "common.yes" : "common.no");
    }

    private TableColumn<NetworkInfo, String> column(String key, Function<NetworkInfo, String> text) {
        TableColumn<NetworkInfo, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }
}
