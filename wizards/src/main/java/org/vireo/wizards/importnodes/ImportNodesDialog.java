package org.vireo.wizards.importnodes;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vireo.connections.nodelist.Driver;
import org.vireo.connections.nodelist.NodeEntry;
import org.vireo.connections.nodelist.NodeListFormat;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/**
 * File → Import node list…: format, options applied to all rows, a preview with one row per
 * entry, and "Add N connections". Its result is the connections to save (null when cancelled).
 */
public final class ImportNodesDialog extends Dialog<List<ConnectionEntry>> {
    private static final double URI_COLUMN_WIDTH = 340;
    private static final double STATUS_COLUMN_WIDTH = 300;

    public ImportNodesDialog(ImportNodesViewModel model, Messages messages) {
        setTitle(messages.get("importNodes.title"));
        setHeaderText(messages.get("importNodes.header"));
        setResizable(true);

        ComboBox<NodeListFormat> format = new ComboBox<>();
        format.setId("importFormat");
        format.getItems().setAll(NodeListFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(NodeListFormat f) {
                return model.formatText(f);
            }

            @Override
            public NodeListFormat fromString(String text) {
                throw new UnsupportedOperationException("the format list is not editable");
            }
        });
        format.valueProperty().bindBidirectional(model.formatProperty());
        Label detected = new Label();
        detected.setId("importDetected");
        detected.textProperty().bind(Bindings.createStringBinding(() -> model.detectedFormatProperty().get() == null ? ""
                : messages.get("importNodes.detected", model.formatText(model.detectedFormatProperty().get())),
                model.detectedFormatProperty()));

        ChoiceBox<Driver> driver = new ChoiceBox<>();
        driver.setId("importDriver");
        driver.getItems().setAll(Driver.values());
        driver.setConverter(new StringConverter<>() {
            @Override
            public String toString(Driver d) {
                return d == null ? "" : d == Driver.QEMU ? "QEMU/KVM" : "Xen";
            }

            @Override
            public Driver fromString(String text) {
                throw new UnsupportedOperationException("the driver list is not editable");
            }
        });
        driver.valueProperty().bindBidirectional(model.driverProperty());
        TextField user = textField("importUser", model.userProperty(), "root");
        TextField jump = textField("importJump", model.jumpProperty(), "user@gateway:22");
        TextField group = textField("importGroup", model.groupProperty(), "");
        CheckBox autoconnect = new CheckBox(messages.get("importNodes.autoconnect"));
        autoconnect.setId("importAutoconnect");
        autoconnect.selectedProperty().bindBidirectional(model.autoconnectProperty());
        CheckBox readOnly = new CheckBox(messages.get("importNodes.readOnly"));
        readOnly.setId("importReadOnly");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());

        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(6);
        options.addRow(0, new Label(messages.get("importNodes.format")), new HBox(8, format, detected));
        options.addRow(1, new Label(messages.get("importNodes.driver")), driver);
        options.addRow(2, new Label(messages.get("importNodes.user")), user);
        options.addRow(3, new Label(messages.get("importNodes.jump")), jump);
        options.addRow(4, new Label(messages.get("importNodes.group")), group);
        options.add(new HBox(16, autoconnect, readOnly), 1, 5);

        TableView<NodeEntry> table = new TableView<>(model.rows());
        table.setId("importTable");
        table.getColumns().setAll(List.of(
                column(messages.get("importNodes.column.line"), 60, e -> String.valueOf(e.line())),
                column(messages.get("importNodes.column.uri"), URI_COLUMN_WIDTH, e -> e.uri() == null ? e.raw() : e.uri()),
                column(messages.get("importNodes.column.group"), 120, e -> e.group() == null ? "" : e.group()),
                column(messages.get("importNodes.column.status"), STATUS_COLUMN_WIDTH, model::statusText)));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label counts = new Label();
        counts.setId("importCounts");
        counts.textProperty().bind(model.countsTextProperty());
        Label loadError = new Label();
        loadError.setId("importLoadError");
        loadError.textProperty().bind(model.loadErrorProperty());
        loadError.visibleProperty().bind(model.loadErrorProperty().isNotNull());
        loadError.managedProperty().bind(loadError.visibleProperty());
        ListView<String> fileMessages = new ListView<>(model.fileMessages());
        fileMessages.setId("importFileMessages");
        fileMessages.setPrefHeight(72);
        fileMessages.setMinHeight(Region.USE_PREF_SIZE); // the table, not the file's problems, gives way
        fileMessages.visibleProperty().bind(Bindings.isNotEmpty(model.fileMessages()));
        fileMessages.managedProperty().bind(fileMessages.visibleProperty());

        VBox content = new VBox(10, options, loadError, fileMessages, table, counts);
        content.setPrefSize(900, 560);
        getDialogPane().setContent(content);

        ButtonType add = new ButtonType(messages.get("importNodes.add", 0), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.setId("importAddButton");
        addButton.textProperty().bind(model.addLabelProperty());
        addButton.disableProperty().bind(model.addCommandEnabledProperty().not());
        setResultConverter(button -> button == add ? model.entriesToAdd() : null);
    }

    private static TextField textField(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TableColumn<NodeEntry, String> column(String title, double width,
                                                         Function<NodeEntry, String> value) {
        TableColumn<NodeEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
