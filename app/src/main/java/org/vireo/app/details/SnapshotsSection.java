package org.vireo.app.details;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.vireo.app.actions.Confirmations;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.main.DetailsSection;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.domain.SnapshotInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/** The Snapshots tab: the snapshot tree (parents above children) with create, revert and delete. */
public final class SnapshotsSection implements DetailsSection {
    /** What "Create" asks: name, description, with memory. */
    public record NewSnapshot(String name, String description, boolean withMemory) {
    }

    /** Asks for a new snapshot; the window uses a dialog, tests a stub. */
    @FunctionalInterface
    public interface NewSnapshotPrompt {
        Optional<NewSnapshot> ask(VmInfo vm);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final VmDetailsModel model;
    private final Messages messages;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final Confirmations confirmations;
    private final NewSnapshotPrompt prompt;
    private final TreeView<SnapshotInfo> tree = new TreeView<>(new TreeItem<>());
    private final BorderPane root = new BorderPane();

    public SnapshotsSection(VmDetailsModel model, Messages messages, DialogService dialogs, TaskExecutor ui,
                            Confirmations confirmations, NewSnapshotPrompt prompt) {
        this.model = model;
        this.messages = messages;
        this.dialogs = dialogs;
        this.ui = ui;
        this.confirmations = confirmations;
        this.prompt = prompt;
        tree.setId("snapshotTree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(SnapshotInfo s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : label(s));
            }
        });
        model.snapshots().addListener((ListChangeListener<SnapshotInfo>) c -> rebuild());
        Button create = button("snapshot.create", "snapCreate");
        Button revert = button("snapshot.revert", "snapRevert");
        Button delete = button("snapshot.delete", "snapDelete");
        revert.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        create.setOnAction(e -> create());
        revert.setOnAction(e -> selected().ifPresent(this::revert));
        delete.setOnAction(e -> selected().ifPresent(this::delete));
        root.setCenter(tree);
        root.setBottom(new HBox(8, create, revert, delete));
        BorderPane.setMargin(tree, new Insets(0, 0, 6, 0));
        root.setPadding(new Insets(8));
        root.setId("snapshotsSection");
    }

    private Button button(String key, String id) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        return b;
    }

    private String label(SnapshotInfo s) {
        StringBuilder text = new StringBuilder(s.name());
        if (s.current()) {
            text.append(" ").append(messages.get("snapshot.currentMark"));
        }
        text.append(" — ").append(s.state() == null ? "" : s.state());
        if (s.creationTime() > 0) {
            text.append(", ").append(TIME.format(Instant.ofEpochSecond(s.creationTime())));
        }
        if (s.description() != null && !s.description().isBlank()) {
            text.append(": ").append(s.description());
        }
        return text.toString();
    }

    /** Parents before children; a snapshot whose parent is unknown becomes a root. */
    private void rebuild() {
        String selected = selected().map(SnapshotInfo::name).orElse(null);
        Map<String, TreeItem<SnapshotInfo>> items = new HashMap<>();
        for (SnapshotInfo s : model.snapshots()) {
            TreeItem<SnapshotInfo> item = new TreeItem<>(s);
            item.setExpanded(true);
            items.put(s.name(), item);
        }
        TreeItem<SnapshotInfo> top = new TreeItem<>();
        for (SnapshotInfo s : model.snapshots()) {
            TreeItem<SnapshotInfo> parent = s.parent() == null ? null : items.get(s.parent());
            (parent == null ? top : parent).getChildren().add(items.get(s.name()));
        }
        tree.setRoot(top);
        if (selected != null && items.containsKey(selected)) {
            tree.getSelectionModel().select(items.get(selected));
        }
    }

    private Optional<SnapshotInfo> selected() {
        TreeItem<SnapshotInfo> item = tree.getSelectionModel().getSelectedItem();
        return Optional.ofNullable(item == null ? null : item.getValue());
    }

    private void create() {
        VmInfo vm = model.vmProperty().get();
        if (vm == null) {
            return;
        }
        prompt.ask(vm).ifPresent(n -> ui.whenDone(model.createSnapshot(n.name(), n.description(), n.withMemory()),
                ok -> { }, e -> failed("snapshot.create", e)));
    }

    private void revert(SnapshotInfo s) {
        String vm = model.vmProperty().get().name();
        if (confirmations.confirm("revertSnapshot", messages.get("snapshot.revert.title"),
                messages.get("snapshot.revert.message", vm, s.name()))) {
            ui.whenDone(model.revertSnapshot(s.name()), ok -> { }, e -> failed("snapshot.revert", e));
        }
    }

    private void delete(SnapshotInfo s) {
        String vm = model.vmProperty().get().name();
        if (confirmations.confirm("deleteSnapshot", messages.get("snapshot.delete.title"),
                messages.get("snapshot.delete.message", vm, s.name()))) {
            ui.whenDone(model.deleteSnapshot(s.name()), ok -> { }, e -> failed("snapshot.delete", e));
        }
    }

    private void failed(String key, Throwable e) {
        dialogs.showError(messages.get("action.failed.title", messages.get(key)), Failures.message(e, messages), Failures.unwrap(e));
    }

    /** The window's prompt: a small dialog with name, description and "include memory". */
    public static NewSnapshotPrompt dialogPrompt(javafx.stage.Window owner, Messages messages) {
        return vm -> {
            Dialog<ButtonType> dialog = new Dialog<>();
            if (owner != null) {
                dialog.initOwner(owner);
            }
            dialog.setTitle(messages.get("snapshot.create.title", vm.name()));
            TextField name = new TextField("snapshot-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneId.systemDefault()).format(Instant.now()));
            name.setId("snapName");
            TextArea description = new TextArea();
            description.setId("snapDescription");
            description.setPrefRowCount(3);
            CheckBox memory = new CheckBox(messages.get("snapshot.withMemory"));
            memory.setId("snapMemory");
            memory.setSelected(vm.state().isActive());
            memory.setDisable(!vm.state().isActive());
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(6);
            grid.addRow(0, new Label(messages.get("snapshot.name")), name);
            grid.addRow(1, new Label(messages.get("snapshot.description")), description);
            grid.add(memory, 1, 2);
            dialog.getDialogPane().setContent(grid);
            dialog.getDialogPane().setId("newSnapshotDialog");
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            return dialog.showAndWait().filter(ButtonType.OK::equals).filter(b -> !name.getText().isBlank())
                    .map(b -> new NewSnapshot(name.getText().strip(), description.getText(), memory.isSelected()));
        };
    }

    @Override
    public String titleKey() {
        return "details.tab.snapshots";
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
        model.show(host, vm);
    }

    List<SnapshotInfo> shown() {
        return List.copyOf(model.snapshots());
    }
}
