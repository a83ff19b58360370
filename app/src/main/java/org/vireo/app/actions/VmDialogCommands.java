package org.vireo.app.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.main.MainViewModel;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.domain.DiskInfo;
import org.vireo.connections.libvirt.VmOperations;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Messages;

/**
 * VM commands that ask something first (virt-manager's "Rename…", "Clone…", "Delete…"), each knowing when it
 * applies to the selection.
 */
public final class VmDialogCommands {
    /** Which command, and whether it applies to the selection. */
    public enum Kind {
        RENAME("action.rename"), CLONE("action.clone"), DELETE("action.delete"), SNAPSHOTS("action.snapshots");

        private final String messageKey;

        Kind(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final MainViewModel viewModel;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final Messages messages;
    private final java.util.function.Supplier<Window> owner;
    private final Runnable showSnapshots;

    public VmDialogCommands(MainViewModel viewModel, DialogService dialogs, TaskExecutor ui,
                            java.util.function.Supplier<Window> owner, Runnable showSnapshots) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.ui = ui;
        this.messages = viewModel.messages();
        this.owner = owner;
        this.showSnapshots = showSnapshots;
    }

    /** Rename and clone need one shut-off VM; delete takes any selection; snapshots one VM. */
    public boolean applies(Kind kind) {
        List<VmTarget> targets = viewModel.selectedTargets();
        return switch (kind) {
            case RENAME, CLONE -> targets.size() == 1 && targets.get(0).vm().state() == VmState.SHUTOFF;
            case DELETE -> !targets.isEmpty();
            case SNAPSHOTS -> targets.size() == 1;
        };
    }

    public void run(Kind kind) {
        if (!applies(kind)) {
            return;
        }
        switch (kind) {
            case RENAME -> rename(viewModel.selectedTargets().get(0));
            case CLONE -> cloneVm(viewModel.selectedTargets().get(0));
            case DELETE -> delete(viewModel.selectedTargets());
            case SNAPSHOTS -> showSnapshots.run();
        }
    }

    private void rename(VmTarget target) {
        dialogs.askText(messages.get("rename.title", target.vm().name()), messages.get("rename.prompt"), target.vm().name())
                .filter(name -> !name.equals(target.vm().name()))
                .ifPresent(name -> viewModel.runOn(messages.get("action.rename"), List.of(target),
                        t -> new VmOperations(t.host()).rename(t.vm().uuid(), name)));
    }

    private void cloneVm(VmTarget target) {
        dialogs.askText(messages.get("clone.title", target.vm().name()), messages.get("clone.prompt"),
                target.vm().name() + "-clone").ifPresent(name -> viewModel.runOn(messages.get("action.clone"),
                        List.of(target), t -> new VmOperations(t.host()).cloneVm(t.vm().uuid(), name).thenApply(u -> null)));
    }

    /** Reads every target's disks, then asks which volumes go too (the VM's own disks are ticked). */
    private void delete(List<VmTarget> targets) {
        Map<VmTarget, CompletableFuture<List<DiskInfo>>> disks = new LinkedHashMap<>();
        for (VmTarget t : targets) {
            disks.put(t, new VmOperations(t.host()).disks(t.vm().uuid()));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(disks.values().toArray(CompletableFuture[]::new));
        ui.whenDone(all, ok -> askAndDelete(targets, disks), e -> dialogs.showError(
                messages.get("action.failed.title", messages.get("action.delete")), Failures.message(e, messages), Failures.unwrap(e)));
    }

    private void askAndDelete(List<VmTarget> targets, Map<VmTarget, CompletableFuture<List<DiskInfo>>> disks) {
        Map<VmTarget, List<CheckBox>> boxes = new LinkedHashMap<>();
        VBox content = new VBox(6);
        content.getChildren().add(new Label(messages.get("delete.message", MainViewModel.names(targets))));
        for (VmTarget t : targets) {
            List<CheckBox> mine = new ArrayList<>();
            for (DiskInfo disk : disks.get(t).join()) {
                String path = disk.sourcePath() != null ? disk.sourcePath() : disk.pool() + "/" + disk.volume();
                if (disk.sourcePath() == null) {
                    continue; // pool volumes without a path are left alone (deletion goes by path)
                }
                CheckBox box = new CheckBox(t.vm().name() + ": " + disk.target() + " — " + path);
                box.setUserData(path);
                box.setSelected(disk.ownsStorage());
                box.getStyleClass().add("delete-volume");
                mine.add(box);
                content.getChildren().add(box);
            }
            boxes.put(t, mine);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(messages.get("delete.title"));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("deleteDialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.filter(ButtonType.OK::equals).isEmpty()) {
            return;
        }
        viewModel.runOn(messages.get("action.delete"), targets, t -> new VmOperations(t.host()).delete(t.vm().uuid(),
                boxes.get(t).stream().filter(CheckBox::isSelected).map(b -> (String) b.getUserData()).toList()));
    }
}
