package org.vireo.app.details;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.vireo.resources.Messages;

/** Shows the changed lines of an XML edit and asks whether to apply them. */
public final class DiffDialog {
    private DiffDialog() {
    }

    public static XmlSection.DiffConfirm prompt(Window owner, Messages messages) {
        return (title, changes) -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
            if (owner != null) {
                alert.initOwner(owner);
            }
            alert.setTitle(title);
            alert.setHeaderText(messages.get("xml.diffHeader", changes.size()));
            TextArea diff = new TextArea(String.join("\n", changes));
            diff.setId("xmlDiff");
            diff.setEditable(false);
            diff.setStyle("-fx-font-family: monospace");
            alert.getDialogPane().setContent(diff);
            alert.getDialogPane().setId("diffDialog");
            alert.setResizable(true);
            return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        };
    }
}
