package org.vireo.app.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Callback;
import org.vireo.app.main.MainViewModel;
import org.vireo.app.main.TreeRow;
import org.vireo.connections.migration.MigrationTargets;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/**
 * Drag one VM, or a selection of VMs of one host, onto another host's row to migrate them. While dragging,
 * every host row that can take them shows the {@code :migrate-target} pseudo-class; the row under the
 * pointer that cannot shows {@code :migrate-invalid} and the status bar says why. A drop opens the migration
 * dialog (see {@link MigrationLauncher#dropped}); dropping on the VMs' own host does nothing.
 *
 * <p>Uses JavaFX's press-drag-release gesture (no system drag and drop: the VMs never leave the window),
 * attached by decorating the tree's row factory.
 */
public final class DragToMigrate {
    public static final PseudoClass TARGET = PseudoClass.getPseudoClass("migrate-target");
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("migrate-invalid");
    public static final PseudoClass DRAGGED = PseudoClass.getPseudoClass("migrate-dragged");

    /** What is being dragged: VMs of one host. */
    record Dragged(String sourceId, List<VmInfo> vms) {
    }

    private final MainViewModel viewModel;
    private final MigrationLauncher launcher;
    private final Messages messages;
    private final ObjectProperty<Dragged> dragged = new SimpleObjectProperty<>();

    private DragToMigrate(MainViewModel viewModel, MigrationLauncher launcher) {
        this.viewModel = viewModel;
        this.launcher = launcher;
        this.messages = viewModel.messages();
    }

    /** Decorates {@code tree}'s row factory (call before the tree is shown) and allows multi-selection. */
    public static DragToMigrate attach(TreeTableView<TreeRow> tree, MainViewModel viewModel, MigrationLauncher launcher) {
        DragToMigrate drag = new DragToMigrate(viewModel, launcher);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Callback<TreeTableView<TreeRow>, TreeTableRow<TreeRow>> original = tree.getRowFactory();
        tree.setRowFactory(view -> {
            TreeTableRow<TreeRow> row = original == null ? new TreeTableRow<>() : original.call(view);
            drag.decorate(tree, row);
            return row;
        });
        return drag;
    }

    /** Why {@code host} cannot take the dragged VMs, or empty when it can. */
    Optional<String> whyNot(Dragged what, HostSnapshot host) {
        HostSnapshot source = viewModel.hosts().stream().filter(h -> h.connectionId().equals(what.sourceId()))
                .findFirst().orElse(null);
        if (source == null) {
            return Optional.of(messages.get("migrate.drag.sourceGone", what.sourceId()));
        }
        if (viewModel.maintenance().contains(host.connectionId())) {
            return Optional.of(messages.get("hostState.maintenance"));
        }
        return MigrationTargets.whyNot(source, host, messages);
    }

    private void decorate(TreeTableView<TreeRow> tree, TreeTableRow<TreeRow> row) {
        Runnable restyle = () -> {
            Dragged what = dragged.get();
            boolean target = what != null && row.getItem() instanceof TreeRow.HostRow h && whyNot(what, h.host()).isEmpty();
            row.pseudoClassStateChanged(TARGET, target);
            boolean isDragged = what != null && row.getItem() instanceof TreeRow.VmRow v
                    && v.connectionId().equals(what.sourceId()) && what.vms().stream().anyMatch(x -> x.uuid().equals(v.vm().uuid()));
            row.pseudoClassStateChanged(DRAGGED, isDragged);
            if (what == null) {
                row.pseudoClassStateChanged(INVALID, false);
            }
        };
        dragged.addListener((obs, old, now) -> restyle.run());
        row.itemProperty().addListener((obs, old, now) -> restyle.run());

        // What the row showed when pressed: a refresh may give the row another item before the drag is detected.
        ObjectProperty<TreeRow> pressed = new SimpleObjectProperty<>();
        row.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressed.set(row.isEmpty() ? null : row.getItem()));
        row.addEventFilter(MouseEvent.DRAG_DETECTED, e -> {
            if (!(pressed.get() instanceof TreeRow.VmRow start)) {
                return;
            }
            dragged.set(new Dragged(start.connectionId(), vmsToDrag(tree, start)));
            row.startFullDrag();
        });
        row.addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, e -> {
            Dragged what = dragged.get();
            if (what == null || row.isEmpty()) {
                return;
            }
            if (row.getItem() instanceof TreeRow.HostRow h) {
                String to = MigrationTargets.label(h.host());
                Optional<String> why = whyNot(what, h.host());
                row.pseudoClassStateChanged(INVALID, why.isPresent());
                viewModel.showStatus(why.map(w -> messages.get("drag.migrate.invalid", to, w))
                        .orElse(messages.get("drag.migrate.valid", names(what), to)));
            }
        });
        row.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> row.pseudoClassStateChanged(INVALID, false));
        row.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            Dragged what = dragged.get();
            dragged.set(null);
            if (what != null && !row.isEmpty() && row.getItem() instanceof TreeRow.HostRow h
                    && whyNot(what, h.host()).isEmpty()) {
                viewModel.showStatus("");
                String destination = h.host().connectionId();
                // After the gesture ends, so the dialog does not open inside the mouse-release handling.
                Platform.runLater(() -> launcher.dropped(what.sourceId(), what.vms(), destination));
            }
            e.consume();
        });
        // A release anywhere else (or on the row itself) ends the gesture.
        row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragged.get() != null) {
                Platform.runLater(() -> dragged.set(null));
            }
        });
    }

    /** The selected VMs of the start row's host when the start row is selected, else the start row alone. */
    private static List<VmInfo> vmsToDrag(TreeTableView<TreeRow> tree, TreeRow.VmRow start) {
        List<VmInfo> vms = new ArrayList<>();
        boolean startSelected = false;
        for (TreeItem<TreeRow> item : tree.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() instanceof TreeRow.VmRow v && v.connectionId().equals(start.connectionId())) {
                vms.add(v.vm());
                startSelected |= v.vm().uuid().equals(start.vm().uuid());
            }
        }
        return startSelected ? vms : List.of(start.vm());
    }

    private static String names(Dragged what) {
        return String.join(", ", what.vms().stream().map(VmInfo::name).toList());
    }
}
