package org.vireo.app.ssh;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.connections.ssh.AuthPrompt.Question;
import org.vireo.resources.Messages;

/**
 * Asks one or more login questions (passphrase, password, keyboard-interactive prompts); secrets are typed
 * in password fields. The answers leave as char arrays and the fields are emptied when the dialog closes.
 */
final class AuthDialog extends Dialog<char[][]> {
    private final List<TextField> fields = new ArrayList<>();

    AuthDialog(String header, String instruction, List<Question> questions, Messages messages, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(messages.get("auth.title"));
        setHeaderText(header);
        getDialogPane().setId("authDialog");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            TextField field = q.echo() ? new TextField() : new PasswordField();
            field.setId("authAnswer" + i);
            field.setPrefColumnCount(24);
            Label label = new Label(q.prompt().strip());
            label.setLabelFor(field);
            grid.addRow(i, label, field);
            fields.add(field);
        }
        VBox content = new VBox(10);
        if (instruction != null && !instruction.isBlank()) {
            Label text = new Label(instruction.strip());
            text.setWrapText(true);
            text.setMaxWidth(480);
            content.getChildren().add(text);
        }
        content.getChildren().add(grid);
        content.setPadding(new Insets(10, 10, 0, 10));
        getDialogPane().setContent(content);

        ButtonType login = new ButtonType(messages.get("auth.login"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(login, ButtonType.CANCEL);
        getDialogPane().lookupButton(login).setId("authLogin");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("authCancel");
        setResultConverter(button -> button == login ? answers() : null);
        setOnShown(e -> fields.stream().findFirst().ifPresent(TextField::requestFocus));
        setOnHiding(e -> fields.forEach(TextField::clear));
    }

    private char[][] answers() {
        char[][] answers = new char[fields.size()][];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = fields.get(i).getText().toCharArray();
        }
        return answers;
    }
}
