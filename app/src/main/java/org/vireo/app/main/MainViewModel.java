package org.vireo.app.main;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.app.actions.VmAction;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.ssh.HostKeyWarnings;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.resources.Messages;

/**
 * State and commands of the main window, testable without a stage: the host list (replaced in
 * batches from the fleet's feed), the selection, and the commands that apply to it.
 * Everything here runs on the UI thread; libvirt and disk work go to the fleet and {@code io}.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());
    /** Id of the demo connection; never saved. */
    public static final String DEMO_ID = "demo";

    private final Fleet fleet;
    private final ConnectionStore store;
    private final Executor io;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final Messages messages;

    private final Map<String, HostSnapshot> latest = new LinkedHashMap<>();
    /** Snapshots received from the fleet, not yet applied; guarded by itself. */
    private final Map<String, HostSnapshot> incoming = new LinkedHashMap<>();
    private boolean batchQueued;
    private final List<ConnectionEntry> saved = new ArrayList<>();
    private final ObservableList<HostSnapshot> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<TreeRow> selectedRow = new SimpleObjectProperty<>();
    private final ObjectProperty<HostSnapshot> selectedHost = new SimpleObjectProperty<>();
    private final ObjectProperty<VmInfo> selectedVm = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty demoMode = new SimpleBooleanProperty(false);

    public MainViewModel(Fleet fleet, ConnectionStore store, Executor io, DialogService dialogs, TaskExecutor ui,
                         Messages messages) {
        this.fleet = fleet;
        this.store = store;
        this.io = io;
        this.dialogs = dialogs;
        this.ui = ui;
        this.messages = messages;
        fleet.addBatchListener(this::receiveBatch);
        selectedRow.addListener((obs, old, row) -> refreshSelection());
    }

    public ObservableList<HostSnapshot> hosts() {
        return hosts;
    }

    public ObjectProperty<TreeRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<HostSnapshot> selectedHostProperty() {
        return selectedHost;
    }

    public ReadOnlyObjectProperty<VmInfo> selectedVmProperty() {
        return selectedVm;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty demoModeProperty() {
        return demoMode;
    }

    public Messages messages() {
        return messages;
    }

    /** Connection id → group name, for the tree's folders. */
    public Map<String, String> groupOf() {
        Map<String, String> groups = new java.util.HashMap<>();
        saved.stream().filter(e -> e.group() != null).forEach(e -> groups.put(e.id(), e.group()));
        return groups;
    }

    /**
     * Loads the saved connections off the UI thread, then shows them (or the demo host when there
     * are none) plus the {@code --connect} URIs, and connects the autoconnect ones.
     */
    public CompletableFuture<Void> start(List<String> connectUris) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(store::load, io).whenComplete((result, error) -> ui.runOnUi(() -> {
            try {
                if (error != null) {
                    dialogs.showError(messages.get("store.loadFailed.title"), Failures.message(error), Failures.unwrap(error));
                } else {
                    result.problem().ifPresent(p -> dialogs.showError(messages.get("store.loadFailed.title"), p, null));
                    saved.addAll(result.entries());
                }
                for (ConnectionEntry entry : saved) {
                    fleet.add(entry);
                    if (entry.autoconnect()) {
                        connect(entry.id());
                    }
                }
                for (String uri : connectUris) {
                    addTransient(uri);
                }
                if (saved.isEmpty() && connectUris.isEmpty()) {
                    startDemo();
                }
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
        }));
        return done;
    }

    private void startDemo() {
        demoMode.set(true);
        status.set(messages.get("status.demo"));
        CompletableFuture.supplyAsync(DemoHost::uri, io).whenComplete((uri, error) -> ui.runOnUi(() -> {
            if (error != null) {
                dialogs.showError(messages.get("demo.failed"), Failures.message(error), Failures.unwrap(error));
                return;
            }
            ConnectionEntry demo = new ConnectionEntry(DEMO_ID, uri, messages.get("demo.hostName"), null, true, false, null);
            fleet.add(demo);
            connect(DEMO_ID);
        }));
    }

    private void addTransient(String uri) {
        try {
            LibvirtUri.parse(uri);
        } catch (InvalidUriException e) {
            dialogs.showError(messages.get("connection.invalid.title"), e.getMessage(), null);
            return;
        }
        ConnectionEntry entry = ConnectionEntry.of(uri);
        fleet.add(entry);
        connect(entry.id());
    }

    /**
     * Adds a connection by URI (virsh syntax) with default settings (autoconnect on), saves it and connects.
     *
     * @return false when the URI was rejected
     * @see #addConnection(ConnectionEntry)
     */
    public boolean addConnection(String uri) {
        String text = uri == null ? "" : uri.strip();
        return addConnection(new ConnectionEntry(java.util.UUID.randomUUID().toString(), text, null, null, true, false, null));
    }

    /**
     * Adds a connection as configured in the add-connection dialog, saves it and connects it now (its
     * autoconnect flag decides about later starts). A URI that does not parse is reported naming the URI and
     * why; a URI already saved is reported too; in both cases nothing saved changes.
     *
     * @return false when the entry was rejected
     */
    public boolean addConnection(ConnectionEntry entry) {
        String text = entry.uri();
        try {
            LibvirtUri.parse(text);
        } catch (InvalidUriException e) {
            dialogs.showError(messages.get("connection.invalid.title"), e.getMessage(), null);
            return false;
        }
        if (saved.stream().anyMatch(e -> e.uri().equals(text))) {
            dialogs.showInfo(messages.get("connection.exists.title"), messages.get("connection.exists", text));
            return false;
        }
        saved.add(entry);
        persist();
        leaveDemo();
        fleet.add(entry);
        connect(entry.id());
        return true;
    }

    /**
     * Adds imported connections in one step: one save, then every new host connects in parallel
     * through the fleet's bounded pool. URIs already saved are skipped (importing twice adds nothing).
     *
     * @return how many were added
     */
    public int addConnections(List<ConnectionEntry> entries) {
        java.util.Set<String> known = savedUris();
        List<ConnectionEntry> fresh = entries.stream().filter(e -> known.add(e.uri())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        saved.addAll(fresh);
        persist();
        leaveDemo();
        for (ConnectionEntry entry : fresh) {
            HostConnection host = fleet.add(entry);
            ui.whenDone(fleet.connectBounded(host), ok -> { }, error -> reportConnectFailure(entry.id(), error));
        }
        status.set(messages.get("status.imported", fresh.size()));
        return fresh.size();
    }

    /** URIs of the saved connections, for the import preview's "already present". */
    public java.util.Set<String> savedUris() {
        java.util.Set<String> uris = new java.util.HashSet<>();
        saved.forEach(e -> uris.add(e.uri()));
        return uris;
    }

    /** Removes the selected host's connection (disconnecting it) and saves. */
    public void removeSelectedConnection() {
        HostSnapshot host = selectedHost.get();
        if (host == null) {
            return;
        }
        String id = host.connectionId();
        boolean wasSaved = saved.removeIf(e -> e.id().equals(id));
        fleet.remove(id);
        latest.remove(id);
        publishHosts();
        selectedRow.set(null);
        if (wasSaved) {
            persist();
        }
    }

    private void leaveDemo() {
        if (demoMode.get()) {
            demoMode.set(false);
            fleet.remove(DEMO_ID);
            latest.remove(DEMO_ID);
            publishHosts();
            status.set("");
        }
    }

    private void persist() {
        List<ConnectionEntry> copy = List.copyOf(saved);
        ui.whenDone(CompletableFuture.runAsync(() -> saveQuietly(copy), io), ok -> { },
                error -> dialogs.showError(messages.get("store.saveFailed.title"), Failures.message(error), Failures.unwrap(error)));
    }

    private void saveQuietly(List<ConnectionEntry> entries) {
        try {
            store.save(entries);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    public void connect(String connectionId) {
        hostConnection(connectionId).ifPresent(h -> ui.whenDone(h.connect(), ok -> { },
                error -> reportConnectFailure(connectionId, error)));
    }

    /** The tree shows every failure's reason; a changed host key is a security warning worth a dialog. */
    private void reportConnectFailure(String connectionId, Throwable error) {
        HostKeyWarnings.find(error).ifPresentOrElse(
                changed -> dialogs.showError(messages.get("hostKeyChanged.title"),
                        HostKeyWarnings.message(changed, messages), changed),
                () -> LOG.fine(() -> "connect " + connectionId + " failed: " + Failures.message(error)));
    }

    public void disconnect(String connectionId) {
        hostConnection(connectionId).ifPresent(HostConnection::disconnect);
    }

    public void connectSelected() {
        Optional.ofNullable(selectedHost.get()).ifPresent(h -> connect(h.connectionId()));
    }

    public void disconnectSelected() {
        Optional.ofNullable(selectedHost.get()).ifPresent(h -> disconnect(h.connectionId()));
    }

    /** True when {@code action} applies to the selected VM on a connected host. */
    public boolean canRun(VmAction action) {
        VmInfo vm = selectedVm.get();
        HostSnapshot host = selectedHost.get();
        return vm != null && host != null && host.state().isConnected() && action.appliesTo(vm.state());
    }

    /** Runs {@code action} on the selected VM; a failure becomes one error dialog. */
    public void run(VmAction action) {
        VmInfo vm = selectedVm.get();
        HostSnapshot host = selectedHost.get();
        if (!canRun(action)) {
            return;
        }
        String label = messages.get(action.messageKey());
        status.set(messages.get("status.running", label, vm.name()));
        hostConnection(host.connectionId()).ifPresent(h -> ui.whenDone(action.invoke(h, vm.uuid()),
                ok -> status.set(messages.get("status.done", label, vm.name())),
                error -> {
                    status.set(messages.get("status.failed", label, vm.name()));
                    dialogs.showError(messages.get("action.failed.title", label), Failures.message(error), Failures.unwrap(error));
                }));
    }

    private Optional<HostConnection> hostConnection(String id) {
        return fleet.get(id);
    }

    /**
     * Batches arriving while the previous one still waits for the UI thread are merged into it (latest
     * snapshot per host), so a busy UI thread never gets a backlog of batches to replay.
     */
    private void receiveBatch(List<HostSnapshot> batch) {
        synchronized (incoming) {
            for (HostSnapshot snapshot : batch) {
                incoming.put(snapshot.connectionId(), snapshot);
            }
            if (batchQueued) {
                return;
            }
            batchQueued = true;
        }
        ui.runOnUi(this::applyIncoming);
    }

    private void applyIncoming() {
        List<HostSnapshot> batch;
        synchronized (incoming) {
            batch = List.copyOf(incoming.values());
            incoming.clear();
            batchQueued = false;
        }
        applyBatch(batch);
    }

    /** Applies one batch of snapshots from the fleet (on the UI thread). */
    void applyBatch(List<HostSnapshot> batch) {
        for (HostSnapshot snapshot : batch) {
            if (fleet.get(snapshot.connectionId()).isPresent()) {
                latest.put(snapshot.connectionId(), snapshot);
            }
        }
        publishHosts();
        refreshSelection();
    }

    private void publishHosts() {
        List<HostSnapshot> sorted = new ArrayList<>(latest.values());
        sorted.sort(Comparator.comparing(MainViewModel::sortName, String.CASE_INSENSITIVE_ORDER));
        hosts.setAll(sorted);
    }

    static String sortName(HostSnapshot host) {
        return host.displayName() != null ? host.displayName() : host.uri();
    }

    private void refreshSelection() {
        TreeRow row = selectedRow.get();
        if (row instanceof TreeRow.HostRow hostRow) {
            selectedHost.set(latest.get(hostRow.host().connectionId()));
            selectedVm.set(null);
        } else if (row instanceof TreeRow.VmRow vmRow) {
            HostSnapshot host = latest.get(vmRow.connectionId());
            selectedHost.set(host);
            selectedVm.set(host == null ? null : host.vms().stream()
                    .filter(v -> v.uuid().equals(vmRow.vm().uuid())).findFirst().orElse(null));
        } else {
            selectedHost.set(null);
            selectedVm.set(null);
        }
    }
}
