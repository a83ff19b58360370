package org.vireo.app.dialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.vireo.resources.Messages;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** JavaFX dialogs, owned by the main window so they stay on top of it. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = Logger.getLogger(FxDialogService.class.getName());
    private final Window owner;
    private final Messages messages;

    public FxDialogService(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        LOG.log(Level.WARNING, title + ": " + message, details);
        ButtonType copy = new ButtonType(messages.get("dialog.copyDetails"), ButtonBar.ButtonData.HELP);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, copy, ButtonType.OK);
        prepare(alert, title);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("copyErrorDetails");
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // copying leaves the dialog open
            ClipboardContent content = new ClipboardContent();
            content.putString(ErrorDetails.text(title, message, details, messages));
            Clipboard.getSystemClipboard().setContent(content);
        });
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setWrapText(false);
            alert.getDialogPane().setExpandableContent(trace);
        }
        alert.show();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        prepare(alert, title);
        alert.show();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        prepare(alert, title);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initialValue) {
        TextInputDialog dialog = new TextInputDialog(initialValue == null ? "" : initialValue);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void prepare(Alert alert, String title) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setResizable(true);
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
