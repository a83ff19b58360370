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
import org.vireo.app.actions.BulkRun;
import org.vireo.app.actions.Confirmations;
import org.vireo.app.actions.VmAction;
import org.vireo.app.actions.VmTarget;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.importing.ConnectBatch;
import org.vireo.app.ssh.BatchHostKeyPrompt;
import org.vireo.app.ssh.HostKeyWarnings;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.ssh.HostKeyPrompt;
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
    private final ObservableList<TreeRow> selectedRows = FXCollections.observableArrayList();
    private final ObjectProperty<InventoryFilter> filter = new SimpleObjectProperty<>(InventoryFilter.NONE);
    private Confirmations confirmations;
    private java.util.function.Consumer<BulkRun> bulkViewer = run -> { };
    private final BatchHostKeyPrompt hostKeys;
    private final ObjectProperty<ConnectBatch> importBatch = new SimpleObjectProperty<>();
    /** Batches still connecting or waiting for their review, plus the latest one (its window may be open). */
    private final List<ConnectBatch> batches = new ArrayList<>();
    private String pendingVmSelection; // "connectionId/uuid" of a VM to select once a batch lists it
    /** A selected VM that left its host before its destination listed it, and the row the tree moved to meanwhile. */
    private TreeRow.VmRow departedSelection;
    private String rowAfterDeparture;
    private final org.vireo.connections.migration.MaintenanceHosts maintenance = new org.vireo.connections.migration.MaintenanceHosts();
    /** The hosts in maintenance as the UI thread last saw them, for bindings (menus). */
    private final javafx.collections.ObservableSet<String> maintenanceIds = FXCollections.observableSet();
    private final javafx.collections.ObservableSet<String> maintenanceView = FXCollections.unmodifiableObservableSet(maintenanceIds);

    public MainViewModel(Fleet fleet, ConnectionStore store, Executor io, DialogService dialogs, TaskExecutor ui,
                         Messages messages) {
        this(fleet, store, io, dialogs, ui, messages, new BatchHostKeyPrompt(HostKeyPrompt.refuseUnknown()));
    }

    /** @param hostKeys the prompt the fleet's SSH sessions ask, so imports can gather their unknown keys */
    public MainViewModel(Fleet fleet, ConnectionStore store, Executor io, DialogService dialogs, TaskExecutor ui,
                         Messages messages, BatchHostKeyPrompt hostKeys) {
        this.hostKeys = hostKeys;
        this.fleet = fleet;
        this.store = store;
        this.io = io;
        this.dialogs = dialogs;
        this.ui = ui;
        this.messages = messages;
        fleet.addBatchListener(this::receiveBatch);
        selectedRow.addListener((obs, old, row) -> refreshSelection());
        maintenance.addListener(ids -> ui.runOnUi(this::maintenanceChanged));
        this.confirmations = new Confirmations((title, message) ->
                new Confirmations.Answer(dialogs.confirm(title, message), false));
    }

    /** Every selected row of the tree (multi-selection); {@link #selectedRowProperty()} is the focused one. */
    public ObservableList<TreeRow> selectedRows() {
        return selectedRows;
    }

    /** The tree's search text and "running only" toggle. */
    public ObjectProperty<InventoryFilter> filterProperty() {
        return filter;
    }

    /** Replaces how destructive actions are confirmed (the window asks with a "don't ask again" box). */
    public void setConfirmations(Confirmations confirmations) {
        this.confirmations = java.util.Objects.requireNonNull(confirmations);
    }

    public Confirmations confirmations() {
        return confirmations;
    }

    /** Where a command on several VMs shows its one progress view. */
    public void setBulkViewer(java.util.function.Consumer<BulkRun> viewer) {
        this.bulkViewer = java.util.Objects.requireNonNull(viewer);
    }

    /** The open connection with this id, for the details tabs, VM dialogs and migration. */
    public Optional<HostConnection> host(String connectionId) {
        return fleet.get(connectionId);
    }

    /** The selected VMs on connected hosts, with their latest state (one entry per VM). */
    public List<VmTarget> selectedTargets() {
        List<TreeRow> rows = selectedRows.isEmpty() && selectedRow.get() != null ? List.of(selectedRow.get()) : selectedRows;
        List<VmTarget> targets = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TreeRow row : rows) {
            if (row instanceof TreeRow.VmRow vmRow && seen.add(vmRow.key())) {
                HostSnapshot host = latest.get(vmRow.connectionId());
                Optional<HostConnection> connection = fleet.get(vmRow.connectionId());
                if (host != null && host.state().isConnected() && connection.isPresent()) {
                    host.vms().stream().filter(v -> v.uuid().equals(vmRow.vm().uuid())).findFirst()
                            .ifPresent(vm -> targets.add(new VmTarget(connection.get(), vm)));
                }
            }
        }
        return targets;
    }

    /**
     * Runs {@code call} on every target: one VM reports like a single command, several share one progress view
     * with a row per VM.
     */
    public void runOn(String label, List<VmTarget> targets,
                      java.util.function.Function<VmTarget, CompletableFuture<Void>> call) {
        if (targets.isEmpty()) {
            return;
        }
        if (targets.size() == 1) {
            VmTarget target = targets.get(0);
            String name = target.vm().name();
            status.set(messages.get("status.running", label, name));
            ui.whenDone(call.apply(target), ok -> status.set(messages.get("status.done", label, name)), error -> {
                status.set(messages.get("status.failed", label, name));
                dialogs.showError(messages.get("action.failed.title", label), Failures.message(error, messages),
                        Failures.unwrap(error));
            });
            return;
        }
        BulkRun run = BulkRun.start(messages.get("bulk.title", label, targets.size()), targets, call, ui, messages);
        status.set(messages.get("bulk.status", label, targets.size()));
        bulkViewer.accept(run);
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

    /** The hosts themselves, for wizards that work on them (new VM). */
    public Fleet fleet() {
        return fleet;
    }

    /** Selects the VM as soon as the tree lists it: a VM just created appears with the next batch. */
    public void selectVmWhenListed(String connectionId, String uuid) {
        pendingVmSelection = connectionId + "/" + uuid;
        selectPendingVm();
    }

    private void selectPendingVm() {
        if (pendingVmSelection == null) {
            return;
        }
        for (HostSnapshot host : latest.values()) {
            for (VmInfo vm : host.vms()) {
                if (pendingVmSelection.equals(host.connectionId() + "/" + vm.uuid())) {
                    pendingVmSelection = null;
                    selectedRow.set(new TreeRow.VmRow(host.connectionId(), vm));
                    return;
                }
            }
        }
    }

    /** Hosts the user put in maintenance (evacuated); placement and migration targets skip them. */
    public org.vireo.connections.migration.MaintenanceHosts maintenance() {
        return maintenance;
    }

    /** Read-only view of the hosts in maintenance, updated on the UI thread. */
    public javafx.collections.ObservableSet<String> maintenanceIds() {
        return maintenanceView;
    }

    /** The saved entries follow the live set, so a host stays in maintenance across restarts until cleared. */
    private void maintenanceChanged() {
        java.util.Set<String> ids = maintenance.ids();
        maintenanceIds.retainAll(ids);
        maintenanceIds.addAll(ids);
        boolean changed = false;
        for (int i = 0; i < saved.size(); i++) {
            ConnectionEntry entry = saved.get(i);
            if (entry.maintenance() != ids.contains(entry.id())) {
                saved.set(i, entry.withMaintenance(!entry.maintenance()));
                changed = true;
            }
        }
        if (changed) {
            persist();
        }
    }

    /** Every host connection of the session. */
    public List<HostConnection> connections() {
        return fleet.hosts();
    }

    /** Shows a short message in the status bar (UI thread). */
    public void showStatus(String text) {
        status.set(text == null ? "" : text);
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
        return start(connectUris, StartupReads.begin(store::load, connectUris, io));
    }

    /**
     * Same, from reads already begun (the app starts them before its toolkit is up): when they are done, the
     * hosts are added and connecting at once, without another trip through the disk thread.
     */
    public CompletableFuture<Void> start(List<String> connectUris, StartupReads reads) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        reads.saved().whenComplete((result, error) -> ui.runOnUi(() -> {
            try {
                if (error != null) {
                    dialogs.showError(messages.get("store.loadFailed.title"), Failures.message(error, messages), Failures.unwrap(error));
                } else {
                    result.problem().ifPresent(p -> dialogs.showError(messages.get("store.loadFailed.title"), p, null));
                    saved.addAll(result.entries());
                    saved.stream().filter(ConnectionEntry::maintenance).forEach(e -> maintenance.mark(e.id()));
                }
                List<HostSnapshot> added = new ArrayList<>();
                for (ConnectionEntry entry : saved) {
                    HostConnection host = fleet.add(entry);
                    added.add(host.snapshot());
                    if (entry.autoconnect()) { // a fleet of hundreds connects through the bounded pool
                        ui.whenDone(fleet.connectBounded(host), ok -> { }, failure -> reportConnectFailure(entry.id(), failure));
                    }
                }
                // Every saved host in the tree at once, as it stands now: one insertion of all rows (made while the
                // window opens), where waiting for the fleet's batches inserted them piecemeal as hosts connected.
                applyBatch(added);
                for (String uri : connectUris) {
                    addTransient(uri);
                }
                if (StartupReads.needsDemo(saved.size(), connectUris)) {
                    startDemo(reads.demoUri());
                }
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
        }));
        return done;
    }

    private void startDemo(CompletableFuture<String> demoUri) {
        demoMode.set(true);
        status.set(messages.get("status.demo"));
        demoUri.whenComplete((uri, error) -> ui.runOnUi(() -> {
            if (error != null) {
                dialogs.showError(messages.get("demo.failed"), Failures.message(error, messages), Failures.unwrap(error));
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
            dialogs.showError(messages.get("connection.invalid.title"), Failures.message(e, messages), null);
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
            dialogs.showError(messages.get("connection.invalid.title"), Failures.message(e, messages), null);
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
     * through the fleet's bounded pool as one {@link ConnectBatch} (progress view, one host-key review).
     * URIs already saved are skipped (importing twice adds nothing).
     *
     * @return how many were added
     */
    public int addConnections(List<ConnectionEntry> entries) {
        java.util.Set<String> known = savedUris();
        List<ConnectionEntry> fresh = entries.stream().filter(e -> known.add(e.uri()))
                .map(e -> e.withGroup(GroupPath.tidy(e.group()))).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        saved.addAll(fresh);
        persist();
        leaveDemo();
        fresh.forEach(fleet::add);
        ConnectBatch batch = new ConnectBatch(fresh, fleet, hostKeys, ui, messages);
        startBatch(batch);
        status.set(messages.get("status.imported", fresh.size()));
        return fresh.size();
    }

    private void startBatch(ConnectBatch batch) {
        batches.add(batch);
        importBatch.set(batch);
        batch.start();
    }

    /** The last import's connecting hosts, for the progress view; null before the first import. */
    public ReadOnlyObjectProperty<ConnectBatch> importBatchProperty() {
        return importBatch;
    }

    /** The folder selected in the tree (its full {@code parent/child} name), or null. */
    public String selectedGroup() {
        return selectedRow.get() instanceof TreeRow.GroupRow group ? group.name() : null;
    }

    /**
     * Connects every host of folder {@code group} (subfolders included) that is not connected, as one
     * {@link ConnectBatch}: one progress view and one host-key review.
     */
    public void connectGroup(String group) {
        List<ConnectionEntry> members = saved.stream().filter(e -> GroupPath.within(e.group(), group))
                .filter(e -> !Optional.ofNullable(latest.get(e.id())).map(h -> h.state().isConnected()
                        || h.state() == org.vireo.connections.model.ConnectionState.CONNECTING).orElse(false))
                .toList();
        if (!members.isEmpty()) {
            ConnectBatch batch = new ConnectBatch(members, fleet, hostKeys, ui, messages);
            startBatch(batch);
        }
    }

    /** Disconnects every host of folder {@code group}, subfolders included. */
    public void disconnectGroup(String group) {
        saved.stream().filter(e -> GroupPath.within(e.group(), group)).forEach(e -> disconnect(e.id()));
    }

    /**
     * Renames folder {@code from} to {@code to} (subfolders move along) and saves. A name with a slash nests
     * the folder inside another; a folder that has subfolders cannot itself be nested (one level only).
     *
     * @return false when the new name was refused (the user was told why) or nothing changed
     */
    public boolean renameGroup(String from, String to) {
        String target;
        try {
            target = GroupPath.normalize(to);
        } catch (IllegalArgumentException e) {
            dialogs.showError(messages.get("group.rename.invalid"), Failures.message(e, messages), null);
            return false;
        }
        boolean hasSubfolders = saved.stream().anyMatch(e -> e.group() != null && e.group().startsWith(from + "/"));
        if (hasSubfolders && target.contains("/")) {
            dialogs.showError(messages.get("group.rename.invalid"), messages.get("group.rename.tooDeep", from, target), null);
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < saved.size(); i++) {
            ConnectionEntry entry = saved.get(i);
            if (GroupPath.within(entry.group(), from)) {
                String renamed = target + entry.group().substring(from.length());
                if (!renamed.equals(entry.group())) {
                    saved.set(i, entry.withGroup(renamed));
                    changed = true;
                }
            }
        }
        if (changed) {
            persist();
            publishHosts();
        }
        return changed;
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
        maintenance.clear(id);
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
                error -> dialogs.showError(messages.get("store.saveFailed.title"), Failures.message(error, messages), Failures.unwrap(error)));
    }

    private void saveQuietly(List<ConnectionEntry> entries) {
        try {
            store.save(entries);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    public void connect(String connectionId) {
        host(connectionId).ifPresent(h -> ui.whenDone(h.connect(), ok -> { },
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
        host(connectionId).ifPresent(HostConnection::disconnect);
    }

    public void connectSelected() {
        Optional.ofNullable(selectedHost.get()).ifPresent(h -> connect(h.connectionId()));
    }

    public void disconnectSelected() {
        Optional.ofNullable(selectedHost.get()).ifPresent(h -> disconnect(h.connectionId()));
    }

    /** True when {@code action} applies to at least one selected VM on a connected host. */
    public boolean canRun(VmAction action) {
        return selectedTargets().stream().anyMatch(t -> action.appliesTo(t.vm().state()));
    }

    /**
     * Runs {@code action} on every selected VM it applies to; destructive actions ask first. One VM's failure
     * becomes an error dialog, several VMs share one progress view.
     */
    public void run(VmAction action) {
        List<VmTarget> targets = selectedTargets().stream().filter(t -> action.appliesTo(t.vm().state())).toList();
        if (targets.isEmpty()) {
            return;
        }
        String label = messages.get(action.messageKey());
        if (action.destructive() && !confirmations.confirm(action.name(), messages.get("confirm.title", label),
                messages.get("confirm.action", label, names(targets)))) {
            return;
        }
        runOn(label, targets, t -> action.invoke(t.host(), t.vm()));
    }

    /** "web1, web2 and db1" as one comma-separated list for questions. */
    public static String names(List<VmTarget> targets) {
        return String.join(", ", targets.stream().map(t -> t.vm().name()).toList());
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
        TreeRow before = selectedRow.get();
        boolean beforeRan = before instanceof TreeRow.VmRow row && MigratedSelection.runsOnItsHost(row, latest);
        for (HostSnapshot snapshot : batch) {
            if (fleet.get(snapshot.connectionId()).isPresent()) {
                latest.put(snapshot.connectionId(), snapshot);
            }
        }
        publishHosts();
        followMigratedVm(beforeRan ? (TreeRow.VmRow) before : null);
        refreshSelection();
        batches.removeIf(b -> b.finishedProperty().get() && b != importBatch.get());
        batches.forEach(b -> b.applySnapshots(batch));
        selectPendingVm();
    }

    /**
     * A selected VM that moved to another host stays selected there. Its destination may list it a batch later:
     * then it is followed once it shows up, unless the user selected something else in between.
     */
    private void followMigratedVm(TreeRow.VmRow ranBefore) {
        if (ranBefore != null && MigratedSelection.leftItsHost(ranBefore, latest)) {
            departedSelection = ranBefore;
            rowAfterDeparture = selectedRow.get() == null ? null : selectedRow.get().key();
        }
        if (departedSelection == null) {
            return;
        }
        String now = selectedRow.get() == null ? null : selectedRow.get().key();
        if (!java.util.Objects.equals(now, rowAfterDeparture) && !java.util.Objects.equals(now, departedSelection.key())) {
            departedSelection = null; // the user chose another row
            return;
        }
        Optional<TreeRow.VmRow> moved = MigratedSelection.newRow(departedSelection, latest);
        if (moved.isPresent()) {
            departedSelection = null;
            selectedRow.set(moved.get());
        }
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
        // The VM is cleared before the host changes: listeners never see a VM without its host (which happens
        // when a migrated VM's row disappears and the selection moves on).
        if (row instanceof TreeRow.HostRow hostRow) {
            selectedVm.set(null);
            selectedHost.set(latest.get(hostRow.host().connectionId()));
        } else if (row instanceof TreeRow.VmRow vmRow) {
            HostSnapshot host = latest.get(vmRow.connectionId());
            VmInfo vm = host == null ? null : host.vms().stream()
                    .filter(v -> v.uuid().equals(vmRow.vm().uuid())).findFirst().orElse(null);
            if (vm == null) {
                selectedVm.set(null);
            }
            selectedHost.set(host);
            selectedVm.set(vm);
        } else {
            selectedVm.set(null); // VM first: listeners never see a VM without its host
            selectedHost.set(null);
        }
    }
}
