package org.vireo.app.ssh;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.connections.ssh.HostKeyPrompt.Decision;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.resources.Messages;

/** "The authenticity of host … can't be established": accept once, accept and save, or cancel. */
final class HostKeyDialog extends Dialog<Decision> {

    HostKeyDialog(UnknownHostKey key, Messages messages, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(messages.get("hostKey.title"));
        setHeaderText(messages.get("hostKey.header", key.knownHostsName()));
        getDialogPane().setId("hostKeyDialog");

        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(6);
        facts.addRow(0, new Label(messages.get("hostKey.host")), selectable("hostKeyHost",
                key.port() == 22 ? key.host() : key.host() + ":" + key.port()));
        facts.addRow(1, new Label(messages.get("hostKey.keyType")), selectable("hostKeyType", key.keyType()));
        facts.addRow(2, new Label(messages.get("hostKey.fingerprint")), selectable("hostKeyFingerprint", key.sha256Fingerprint()));
        Label explanation = new Label(messages.get("hostKey.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.setPrefWidth(520);
        VBox content = new VBox(12, facts, explanation);
        content.setPadding(new Insets(10, 10, 0, 10));
        getDialogPane().setContent(content);

        ButtonType once = new ButtonType(messages.get("hostKey.acceptOnce"), ButtonBar.ButtonData.OTHER);
        ButtonType save = new ButtonType(messages.get("hostKey.acceptAndSave"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(once, save, ButtonType.CANCEL);
        getDialogPane().lookupButton(once).setId("hostKeyAcceptOnce");
        getDialogPane().lookupButton(save).setId("hostKeyAcceptAndSave");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("hostKeyCancel");
        // Enter must not accept a key: the safe answer is the default.
        ((javafx.scene.control.Button) getDialogPane().lookupButton(save)).setDefaultButton(false);
        ((javafx.scene.control.Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        setResultConverter(button -> button == save ? Decision.ACCEPT_AND_SAVE
                : button == once ? Decision.ACCEPT_ONCE : Decision.REJECT);
    }

    /** A read-only field, so the fingerprint can be copied and compared. */
    private static TextField selectable(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(Math.max(12, text.length()));
        field.getStyleClass().add("copyable-label");
        return field;
    }
}
