package org.vireo.wizards.migrate;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.util.StringConverter;
import org.vireo.connections.libvirt.HostConnection;

/**
 * The plan's "Move to" cell: a choice always shown, of the target hosts and "stays" (null), written straight to
 * the line. Null is a real choice here, so the list cells name it through the converter (a plain combo box would
 * show it blank).
 */
final class EvacuationTargetCell extends TableCell<EvacuationViewModel.Line, HostConnection> {
    private final ComboBox<HostConnection> choice;
    private boolean showing;

    EvacuationTargetCell(ObservableList<HostConnection> choices, StringConverter<HostConnection> names,
                         ObservableBooleanValue locked) {
        choice = new ComboBox<>(choices);
        choice.getStyleClass().add("evacuate-target");
        choice.setConverter(names);
        choice.setPromptText(names.toString(null));
        choice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HostConnection host, boolean empty) {
                super.updateItem(host, empty);
                setText(empty ? null : names.toString(host));
            }
        });
        choice.setButtonCell(choice.getCellFactory().call(null));
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.disableProperty().bind(locked);
        choice.valueProperty().addListener((obs, was, now) -> {
            EvacuationViewModel.Line line = getTableRow() == null ? null : getTableRow().getItem();
            if (!showing && line != null) {
                line.targetProperty().set(now);
            }
        });
        setText(null);
    }

    @Override
    protected void updateItem(HostConnection host, boolean empty) {
        super.updateItem(host, empty);
        setText(null);
        if (empty || getTableRow() == null || getTableRow().getItem() == null) {
            setGraphic(null);
            return;
        }
        showing = true; // showing the line's value is no edit of it
        choice.setValue(host);
        showing = false;
        setGraphic(choice);
    }
}
