package org.vireo.wizards.addconnection;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/**
 * The add-connection dialog: the view of {@link AddConnectionViewModel}. Fields that the chosen hypervisor or
 * transport does not use are disabled; OK stays disabled, with the reason shown under the URI, while the
 * input is invalid.
 */
public final class AddConnectionDialog extends Dialog<ConnectionEntry> {
    private final GridPane grid = new GridPane();
    private int row;

    public AddConnectionDialog(AddConnectionViewModel model, Messages messages) {
        setTitle(messages.get("addConnection.title"));
        setHeaderText(messages.get("addConnection.header"));
        setResizable(true);
        getDialogPane().setId("addConnectionDialog");
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 10, 0, 10));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(320, 380, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<Hypervisor> hypervisor = new ComboBox<>();
        hypervisor.getItems().setAll(Hypervisor.values());
        hypervisor.setConverter(labelled(Hypervisor::messageKey, messages));
        hypervisor.valueProperty().bindBidirectional(model.hypervisorProperty());
        ComboBox<Transport> transport = new ComboBox<>();
        transport.getItems().setAll(Transport.values());
        transport.setConverter(labelled(Transport::messageKey, messages));
        transport.valueProperty().bindBidirectional(model.transportProperty());

        BooleanBinding custom = model.hypervisorProperty().isEqualTo(Hypervisor.CUSTOM);
        BooleanBinding notSsh = custom.or(model.transportProperty().isNotEqualTo(Transport.SSH));
        TextField user = text("userField", model.userProperty(), null, messages);
        TextField host = text("hostField", model.hostProperty(), "addConnection.host.prompt", messages);
        TextField port = text("portField", model.portProperty(), "addConnection.port.prompt", messages);
        port.setPrefColumnCount(6);
        TextField keyFile = text("keyFileField", model.keyFileProperty(), "addConnection.keyFile.prompt", messages);
        TextField jumps = text("jumpHostsField", model.jumpHostsProperty(), "addConnection.jumpHosts.prompt", messages);
        for (Node remoteOnly : new Node[] {user, host, port, keyFile}) {
            remoteOnly.disableProperty().bind(notSsh);
        }
        transport.disableProperty().bind(custom);
        // Jump hosts are stored beside the URI, so they also apply to a custom +ssh URI.
        jumps.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.uriProperty().get().contains("+ssh://"),
                model.uriProperty()));
        ComboBox<String> path = new ComboBox<>(model.pathChoices());
        path.setId("pathChoice");
        path.valueProperty().bindBidirectional(model.pathProperty());
        path.disableProperty().bind(custom);

        TextField uri = text("uriField", model.uriProperty(), "addConnection.uri.prompt", messages);
        uri.getStyleClass().add("uri-field");
        Label error = new Label();
        error.setId("uriError");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.setStyle("-fx-text-fill: #b3261e;");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextField name = text("nameField", model.nameProperty(), "addConnection.name.prompt", messages);
        TextField group = text("groupField", model.groupProperty(), "addConnection.group.prompt", messages);
        CheckBox autoconnect = new CheckBox(messages.get("addConnection.autoconnect"));
        autoconnect.setId("autoconnectCheck");
        autoconnect.selectedProperty().bindBidirectional(model.autoconnectProperty());
        CheckBox readOnly = new CheckBox(messages.get("addConnection.readOnly"));
        readOnly.setId("readOnlyCheck");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        hypervisor.setId("hypervisorChoice");
        transport.setId("transportChoice");

        add(messages.get("addConnection.hypervisor"), hypervisor);
        add(messages.get("addConnection.transport"), transport);
        add(messages.get("addConnection.user"), user);
        add(messages.get("addConnection.host"), host);
        add(messages.get("addConnection.port"), port);
        add(messages.get("addConnection.path"), path);
        add(messages.get("addConnection.keyFile"), keyFile);
        add(messages.get("addConnection.jumpHosts"), jumps);
        add(messages.get("addConnection.uri"), uri);
        grid.add(error, 1, row++);
        grid.add(new Separator(), 0, row++, 2, 1);
        add(messages.get("addConnection.name"), name);
        add(messages.get("addConnection.group"), group);
        grid.add(autoconnect, 1, row++);
        grid.add(readOnly, 1, row++);

        getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(messages.get("addConnection.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = getDialogPane().lookupButton(ok);
        okButton.setId("addConnectionOk");
        okButton.disableProperty().bind(model.validProperty().not());
        setResultConverter(button -> button == ok ? model.toEntry().orElse(null) : null);
        setOnShown(e -> host.requestFocus());
    }

    private void add(String label, Node field) {
        Label l = new Label(label);
        l.setLabelFor(field);
        grid.add(l, 0, row);
        grid.add(field, 1, row++);
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property, String promptKey,
                                  Messages messages) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        if (promptKey != null) {
            field.setPromptText(messages.get(promptKey));
        }
        return field;
    }

    /** Shows choices by their message key. */
    private static <E> StringConverter<E> labelled(java.util.function.Function<E, String> keyOf, Messages messages) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : messages.get(keyOf.apply(value));
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
