package org.vireo.app.hosts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.FXCollections;
import org.vireo.app.main.MainViewModel;
import org.vireo.app.main.TreeRow;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.host.HostSummary;
import org.vireo.connections.host.HostSummaryReader;
import org.vireo.connections.model.HostSnapshot;

/**
 * The host table's rows, one per host of the session: the snapshot's figures at once, the live ones (free memory,
 * pools) read on each host's own thread when it connects and on {@link #refresh()}. UI thread only.
 */
public final class HostTableModel {
    private static final Logger LOG = Logger.getLogger(HostTableModel.class.getName());

    /**
     * @param maintenance the user put the host in maintenance (evacuated)
     * @param problem     why the last read failed; "" when it did not
     */
    public record Row(HostSummary summary, boolean maintenance, String problem) {
        public String id() {
            return summary.connectionId();
        }
    }

    private final MainViewModel main;
    private final TaskExecutor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Map<String, HostSummary> latest = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final Set<String> reading = new HashSet<>();
    private final ListChangeListener<HostSnapshot> hostsChanged = c -> sync();
    private final Consumer<Set<String>> maintenanceChanged;
    private boolean disposed;

    public HostTableModel(MainViewModel main, TaskExecutor ui) {
        this.main = main;
        this.ui = ui;
        this.maintenanceChanged = ids -> ui.runOnUi(this::sync);
        main.hosts().addListener(hostsChanged);
        main.maintenance().addListener(maintenanceChanged);
        sync();
    }

    /** The rows in the table's order (the table sorts this list in place). */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** Reads every connected host again; a host still answering the last read is not asked twice. */
    public void refresh() {
        main.hosts().stream().filter(h -> h.state().isConnected()).forEach(h -> read(h.connectionId()));
    }

    /** Selects the row's host in the main tree, which shows its page. */
    public void open(Row row) {
        main.hosts().stream().filter(h -> h.connectionId().equals(row.id())).findFirst()
                .ifPresent(h -> main.selectedRowProperty().set(new TreeRow.HostRow(h)));
    }

    /** Stops following the hosts (the table was closed). */
    public void dispose() {
        disposed = true;
        main.hosts().removeListener(hostsChanged);
        // MaintenanceHosts has no removal; the listener turns into a no-op once disposed.
    }

    private void sync() {
        if (disposed) {
            return;
        }
        Set<String> present = new HashSet<>();
        for (HostSnapshot host : main.hosts()) {
            String id = host.connectionId();
            present.add(id);
            HostSummary before = latest.get(id);
            latest.put(id, before == null ? HostSummary.of(host) : before.withSnapshot(host));
            boolean justConnected = before == null || !before.state().isConnected();
            if (host.state().isConnected() && justConnected) {
                read(id);
            }
        }
        latest.keySet().retainAll(present);
        publish();
    }

    private void read(String id) {
        Optional<org.vireo.connections.libvirt.HostConnection> host = main.host(id);
        if (host.isEmpty() || !reading.add(id)) {
            return;
        }
        ui.whenDone(HostSummaryReader.read(host.get()), summary -> {
            reading.remove(id);
            problems.remove(id);
            current(id).ifPresent(snapshot -> latest.put(id, summary.withSnapshot(snapshot)));
            publish();
        }, error -> {
            reading.remove(id);
            LOG.log(Level.FINE, "host table read of " + id + " failed", error);
            problems.put(id, Failures.message(error, main.messages()));
            publish();
        });
    }

    private Optional<HostSnapshot> current(String id) {
        return main.hosts().stream().filter(h -> h.connectionId().equals(id)).findFirst();
    }

    /** Replaces changed rows where they stand, so the table keeps its sort order and selection. */
    private void publish() {
        if (disposed) {
            return;
        }
        rows.removeIf(r -> !latest.containsKey(r.id()));
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row now = row(rows.get(i).id());
            shown.add(now.id());
            if (!now.equals(rows.get(i))) {
                rows.set(i, now);
            }
        }
        List<Row> added = main.hosts().stream().map(HostSnapshot::connectionId).filter(id -> !shown.contains(id))
                .filter(latest::containsKey).map(this::row).toList();
        rows.addAll(added);
    }

    private Row row(String id) {
        return new Row(latest.get(id), main.maintenance().contains(id), problems.getOrDefault(id, ""));
    }
}
