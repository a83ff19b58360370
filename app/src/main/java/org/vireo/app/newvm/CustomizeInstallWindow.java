package org.vireo.app.newvm;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.resources.Messages;
import org.vireo.wizards.newvm.CustomizedInstall;
import org.vireo.wizards.newvm.NewVmJob;
import org.vireo.app.dialog.CloseShortcut;

/**
 * Beside the details of a VM the wizard only defined ("customize before install"): "Begin installation" starts it
 * with whatever the user changed in the Hardware and XML tabs, "Cancel installation" removes what the wizard
 * created. The window closes once either is done; a failure stays on show.
 */
public final class CustomizeInstallWindow {
    private final Stage stage = new Stage();
    private final Label status = new Label();
    private final Button begin;
    private final Button cancel;

    /**
     * @param onBegun told on the FX thread once the VM runs (the caller opens its console when the user asked)
     */
    public CustomizeInstallWindow(NewVmJob.Created created, HostConnection host, Messages messages, TaskExecutor ui,
                                  Window owner, Consumer<NewVmJob.Created> onBegun) {
        stage.setTitle(messages.get("newVm.customize.title", created.name()));
        CloseShortcut.install(stage);
        if (owner != null) {
            stage.initOwner(owner);
        }
        Label hint = new Label(messages.get("newVm.customize.hint", created.name()));
        hint.setWrapText(true);
        status.setId("customizeStatus");
        status.setWrapText(true);
        begin = new Button(messages.get("newVm.customize.begin"));
        begin.setId("customizeBegin");
        begin.setDefaultButton(true);
        cancel = new Button(messages.get("newVm.customize.cancel"));
        cancel.setId("customizeCancel");
        begin.setOnAction(e -> run(messages.get("newVm.customize.starting", created.name()),
                CustomizedInstall.begin(host, created), ui, left -> {
                    stage.close();
                    onBegun.accept(created);
                }, "newVm.customize.failed", messages));
        cancel.setOnAction(e -> run(messages.get("newVm.customize.removing", created.name()),
                CustomizedInstall.cancel(host, created), ui, left -> {
                    if (left.isEmpty()) {
                        stage.close();
                    } else {
                        status.setText(messages.get("newVm.customize.cancelFailed", String.join(", ", left)));
                    }
                }, "newVm.customize.cancelFailed", messages));
        VBox root = new VBox(12, hint, new HBox(8, begin, cancel), status);
        root.setId("customizeInstall");
        root.setPadding(new Insets(12));
        root.setPrefWidth(460);
        stage.setScene(new Scene(root));
    }

    private void run(String working, CompletableFuture<List<String>> work, TaskExecutor ui,
                     Consumer<List<String>> done, String failureKey, Messages messages) {
        begin.setDisable(true);
        cancel.setDisable(true);
        status.setText(working);
        work.whenComplete((left, error) -> ui.runOnUi(() -> {
            if (error != null) {
                begin.setDisable(false);
                cancel.setDisable(false);
                status.setText(messages.get(failureKey, Failures.message(error, messages)));
            } else {
                done.accept(left);
            }
        }));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
