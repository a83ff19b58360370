package org.vireo.app.details;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.main.DetailsSection;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.domain.LineDiff;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/**
 * The XML tab: the persistent configuration, read-only until "Edit"; "Apply" shows the line diff and, once
 * confirmed, lets libvirt validate and define it.
 */
public final class XmlSection implements DetailsSection {
    /** Shows the diff and asks whether to apply it; the window uses a dialog, tests a stub. */
    @FunctionalInterface
    public interface DiffConfirm {
        boolean confirm(String title, List<String> changes);
    }

    private final VmDetailsModel model;
    private final Messages messages;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final DiffConfirm diffConfirm;
    private final TextArea text = new TextArea();
    private final Button edit = new Button();
    private final Button apply = new Button();
    private final Button cancel = new Button();
    private final BorderPane root = new BorderPane();

    public XmlSection(VmDetailsModel model, Messages messages, DialogService dialogs, TaskExecutor ui,
                      DiffConfirm diffConfirm) {
        this.model = model;
        this.messages = messages;
        this.dialogs = dialogs;
        this.ui = ui;
        this.diffConfirm = diffConfirm;
        text.setId("xmlText");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace");
        edit.setText(messages.get("xml.edit"));
        edit.setId("xmlEdit");
        apply.setText(messages.get("common.apply"));
        apply.setId("xmlApply");
        cancel.setText(messages.get("common.cancel"));
        cancel.setId("xmlCancel");
        edit.setOnAction(e -> setEditing(true));
        cancel.setOnAction(e -> {
            text.setText(model.xmlProperty().get());
            setEditing(false);
        });
        apply.setOnAction(e -> apply());
        setEditing(false);
        model.xmlProperty().addListener((o, a, xml) -> {
            if (!text.isEditable()) {
                text.setText(xml);
            }
        });
        Label note = new Label(messages.get("xml.note"));
        note.setWrapText(true);
        HBox buttons = new HBox(8, edit, apply, cancel);
        root.setTop(note);
        root.setCenter(text);
        root.setBottom(buttons);
        BorderPane.setMargin(text, new Insets(6, 0, 6, 0));
        root.setPadding(new Insets(8));
        root.setId("xmlSection");
    }

    private void setEditing(boolean editing) {
        text.setEditable(editing);
        edit.setDisable(editing);
        apply.setDisable(!editing);
        cancel.setDisable(!editing);
    }

    private void apply() {
        String before = model.xmlProperty().get();
        String after = text.getText();
        List<String> changes = LineDiff.changes(before, after);
        if (changes.isEmpty()) {
            setEditing(false);
            return;
        }
        if (!diffConfirm.confirm(messages.get("xml.diffTitle", model.vmProperty().get().name()), changes)) {
            return;
        }
        ui.whenDone(model.applyXml(after), ok -> {
            setEditing(false);
            text.setText(model.xmlProperty().get());
        }, e -> dialogs.showError(messages.get("xml.applyFailed"), Failures.message(e, messages), Failures.unwrap(e)));
    }

    @Override
    public String titleKey() {
        return "details.tab.xml";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return vm != null;
    }

    @Override
    public void show(HostSnapshot host, VmInfo vm) {
        VmInfo before = model.vmProperty().get();
        if (before != null && vm != null && !before.uuid().equals(vm.uuid())) {
            setEditing(false); // another VM: its own XML, not the unfinished edit
        }
        model.show(host, vm);
    }
}
