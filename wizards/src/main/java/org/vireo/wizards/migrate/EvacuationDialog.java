package org.vireo.wizards.migrate;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.MigrationTargets;
import org.vireo.resources.Messages;

/** Host → Evacuate…: the plan (target editable per VM), then per-VM status and a summary. */
public final class EvacuationDialog extends Dialog<Void> {
    public EvacuationDialog(EvacuationViewModel model, Messages messages) {
        String name = model.host().displayName();
        setTitle(messages.get("evacuate.title", name));
        setHeaderText(messages.get("evacuate.header", name));
        setResizable(true);

        TableView<EvacuationViewModel.Line> table = new TableView<>(model.lines());
        table.setId("evacuatePlan");
        table.setEditable(true);
        TableColumn<EvacuationViewModel.Line, String> vm = new TableColumn<>(messages.get("evacuate.vm"));
        vm.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().vm().name()));
        vm.setEditable(false);
        TableColumn<EvacuationViewModel.Line, HostConnection> target = new TableColumn<>(messages.get("evacuate.target"));
        target.setCellValueFactory(c -> c.getValue().targetProperty());
        String stays = messages.get("evacuate.stays", MigrationTargets.label(model.host().snapshot()));
        ObservableList<HostConnection> choices = FXCollections.observableArrayList();
        choices.add(null);
        choices.addAll(model.targets());
        StringConverter<HostConnection> names = new StringConverter<>() {
            @Override
            public String toString(HostConnection h) {
                return h == null ? stays : MigrationTargets.label(h.snapshot());
            }

            @Override
            public HostConnection fromString(String s) {
                return null;
            }
        };
        target.setCellFactory(c -> new EvacuationTargetCell(choices, names,
                model.runningProperty().or(model.finishedProperty())));
        TableColumn<EvacuationViewModel.Line, String> status = new TableColumn<>(messages.get("evacuate.status"));
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setEditable(false);
        table.getColumns().setAll(java.util.List.of(vm, target, status));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(620, 260);

        Label summary = new Label();
        summary.setId("evacuateSummary");
        summary.textProperty().bind(model.summaryProperty());
        TextField uri = new TextField();
        uri.setId("evacuateUri");
        uri.setPromptText(MigrationDialog.URI_EXAMPLE);
        uri.textProperty().bindBidirectional(model.migrationUriProperty());
        TextField listen = new TextField();
        listen.setId("evacuateListen");
        listen.setPromptText(MigrationDialog.LISTEN_EXAMPLE);
        listen.textProperty().bindBidirectional(model.listenAddressProperty());
        GridPane addresses = new GridPane();
        addresses.setHgap(8);
        addresses.setVgap(6);
        addresses.addRow(0, new Label(messages.get("migrate.uri")), uri);
        addresses.addRow(1, new Label(messages.get("migrate.listen")), listen);
        addresses.disableProperty().bind(model.runningProperty().or(model.finishedProperty()));
        addresses.setVisible(model.addressesApply());
        addresses.setManaged(model.addressesApply());
        VBox content = new VBox(8, table, addresses, summary);
        content.setPadding(new Insets(10));
        getDialogPane().setContent(content);

        ButtonType run = new ButtonType(messages.get("evacuate.run"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.get("migrate.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(run, close);
        Button runButton = (Button) getDialogPane().lookupButton(run);
        runButton.setId("evacuateRun");
        runButton.disableProperty().bind(model.runningProperty().or(model.finishedProperty()));
        runButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.run();
        });
        Button closeButton = (Button) getDialogPane().lookupButton(close);
        closeButton.setId("evacuateClose");
        closeButton.disableProperty().bind(model.runningProperty());
        setOnCloseRequest(e -> {
            if (model.runningProperty().get()) {
                e.consume();
            }
        });
        model.plan();
    }
}
