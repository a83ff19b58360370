package org.vireo.app.actions;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.stage.Window;
import org.vireo.resources.Messages;

/** The confirmation dialog of destructive actions, with a "don't ask again" box. */
public final class FxConfirmPrompt implements Confirmations.Prompt {
    private final Window owner;
    private final Messages messages;

    public FxConfirmPrompt(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public Confirmations.Answer ask(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        CheckBox dontAsk = new CheckBox(messages.get("confirm.dontAskAgain"));
        dontAsk.setId("dontAskAgain");
        alert.getDialogPane().setExpandableContent(null);
        alert.getDialogPane().setContent(new javafx.scene.layout.VBox(8, new javafx.scene.control.Label(message), dontAsk));
        alert.getDialogPane().setId("confirmDialog");
        boolean ok = alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        return new Confirmations.Answer(ok, dontAsk.isSelected());
    }
}
