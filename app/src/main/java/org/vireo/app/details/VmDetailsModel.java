package org.vireo.app.details;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.domain.DomainDescription;
import org.vireo.connections.domain.HardwareEdit;
import org.vireo.connections.domain.SnapshotInfo;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.VmOperations;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/**
 * State of the Hardware, XML and Snapshots tabs for the selected VM, testable without a stage. Loads the VM's
 * configuration and snapshots off the UI thread whenever another VM is selected or the VM changed; edits go
 * through {@link VmOperations} and reload afterwards.
 */
public final class VmDetailsModel {
    /** Finds the open connection of a host id (the main ViewModel's fleet). */
    @FunctionalInterface
    public interface Hosts {
        java.util.Optional<HostConnection> find(String connectionId);
    }

    private final Hosts hosts;
    private final TaskExecutor ui;
    private final Messages messages;
    private final ObjectProperty<DomainDescription> description = new SimpleObjectProperty<>();
    private final StringProperty xml = new SimpleStringProperty("");
    private final ObservableList<String> addresses = FXCollections.observableArrayList();
    private final ObservableList<SnapshotInfo> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<VmInfo> vm = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final IntegerProperty loads = new SimpleIntegerProperty();
    private VmOperations ops;
    private VmInfo shown;
    private int generation;

    /** @param messages the language of {@link #errorProperty()} */
    public VmDetailsModel(Hosts hosts, TaskExecutor ui, Messages messages) {
        this.hosts = Objects.requireNonNull(hosts);
        this.ui = Objects.requireNonNull(ui);
        this.messages = Objects.requireNonNull(messages);
    }

    /** Called by each tab on selection changes; reloads only when the VM is another one or changed. */
    public void show(HostSnapshot host, VmInfo selected) {
        if (host == null || selected == null) {
            shown = null;
            vm.set(null);
            return;
        }
        VmInfo comparable = withoutCpuTime(selected);
        if (comparable.equals(shown) && ops != null && ops.host().id().equals(host.connectionId())) {
            return;
        }
        shown = comparable;
        vm.set(selected);
        ops = hosts.find(host.connectionId()).map(VmOperations::new).orElse(null);
        reload();
    }

    /** Reads the configuration, addresses and snapshots again. */
    public CompletableFuture<Void> reload() {
        VmInfo target = vm.get();
        if (ops == null || target == null) {
            return CompletableFuture.completedFuture(null);
        }
        int mine = ++generation;
        CompletableFuture<VmOperations.VmDetails> details = ops.details(target.uuid());
        CompletableFuture<List<SnapshotInfo>> snaps = ops.snapshots(target.uuid())
                .exceptionally(e -> List.of()); // drivers without snapshots show an empty tree
        CompletableFuture<Void> both = details.thenCombine(snaps, (d, s) -> {
            ui.runOnUi(() -> {
                if (mine != generation) {
                    return; // another VM was selected meanwhile
                }
                description.set(d.description());
                xml.set(d.xml());
                addresses.setAll(d.addresses());
                snapshots.setAll(s);
                error.set("");
                loads.set(loads.get() + 1);
            });
            return null;
        });
        CompletableFuture<Void> done = new CompletableFuture<>();
        ui.whenDone(both, ok -> done.complete(null), e -> {
            if (mine == generation) {
                error.set(Failures.message(e, messages));
                loads.set(loads.get() + 1);
            }
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Applies a hardware edit and/or an autostart change; reloads afterwards. */
    public CompletableFuture<List<String>> apply(HardwareEdit edit, Boolean autostart) {
        VmInfo target = requireVm();
        CompletableFuture<List<String>> changes = edit.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : ops.applyEdit(target.uuid(), edit);
        if (autostart != null && autostart != target.autostart()) {
            changes = changes.thenCompose(c -> ops.setAutostart(target.uuid(), autostart).thenApply(v -> c));
        }
        return changes.thenCompose(c -> reloadAfter(c));
    }

    public CompletableFuture<Void> applyXml(String newXml) {
        return ops.defineXml(requireVm().uuid(), newXml).thenCompose(this::reloadAfter);
    }

    public CompletableFuture<Void> createSnapshot(String name, String text, boolean withMemory) {
        return ops.createSnapshot(requireVm().uuid(), name, text, withMemory).thenCompose(this::reloadAfter);
    }

    public CompletableFuture<Void> revertSnapshot(String name) {
        return ops.revertSnapshot(requireVm().uuid(), name).thenCompose(this::reloadAfter);
    }

    public CompletableFuture<Void> deleteSnapshot(String name) {
        return ops.deleteSnapshot(requireVm().uuid(), name).thenCompose(this::reloadAfter);
    }

    private <T> CompletableFuture<T> reloadAfter(T value) {
        return reload().handle((ok, e) -> value);
    }

    private VmInfo requireVm() {
        VmInfo target = vm.get();
        if (ops == null || target == null) {
            throw new IllegalStateException("no VM selected");
        }
        return target;
    }

    private static VmInfo withoutCpuTime(VmInfo v) {
        return new VmInfo(v.uuid(), v.name(), v.state(), v.vcpus(), v.memoryKiB(), v.maxMemoryKiB(), 0,
                v.persistent(), v.autostart());
    }

    public ReadOnlyObjectProperty<DomainDescription> descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty xmlProperty() {
        return xml;
    }

    public ObservableList<String> addresses() {
        return addresses;
    }

    public ObservableList<SnapshotInfo> snapshots() {
        return snapshots;
    }

    public ReadOnlyObjectProperty<VmInfo> vmProperty() {
        return vm;
    }

    /** The last load's failure, empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Counts finished loads (for tests and for "loading…" hints). */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads;
    }
}
