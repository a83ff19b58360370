package org.vireo.app.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.app.ssh.BatchHostKeyPrompt;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.ssh.HostKeyChangedException;
import org.vireo.connections.ssh.HostKeyRejectedException;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/**
 * The hosts of one import connecting in parallel: each host's live state for the progress view, and the host
 * keys they met, gathered into one {@link Review}.
 *
 * <p>States come from the fleet's snapshot batches ({@link #applySnapshots}); how each connect ended is
 * queued by the connecting threads and read on the next batch, so no host posts its own UI task. The only
 * UI task this class posts is one per pass, when every connect of the pass has finished.
 * Everything but the connect callbacks runs on the UI thread.
 */
public final class ConnectBatch {

    /** What the progress view shows for one host. */
    public enum HostState { CONNECTING, CONNECTED, AWAITING_KEY, KEY_CHANGED, FAILED }

    /** One row of the progress view. {@code detail} is the reason of a failure, else empty. */
    public record Row(String connectionId, String name, HostState state, String stateText, String detail) {
    }

    /** One unknown key and the hosts (aliases included) that presented it. */
    public record UnknownKey(UnknownHostKey key, List<String> hosts) {
    }

    /** One changed key (never accepted from the review) and the hosts that presented it. */
    public record ChangedKey(HostKeyChangedException change, List<String> hosts) {
    }

    /** The host keys of a pass for the user to decide on. */
    public record Review(List<UnknownKey> unknown, List<ChangedKey> changed) {
        public boolean isEmpty() {
            return unknown.isEmpty() && changed.isEmpty();
        }
    }

    private record Outcome(String connectionId, Throwable error) {
    }

    private final Fleet fleet;
    private final BatchHostKeyPrompt hostKeys;
    private final TaskExecutor ui;
    private final Messages messages;
    private final Map<String, ConnectionEntry> entries = new LinkedHashMap<>();
    private final Map<String, HostSnapshot> latest = new HashMap<>();
    private final Map<String, Throwable> failures = new HashMap<>();
    /** Hosts refused only to gather their key; they wait for the review. */
    private final Set<String> awaitingKey = new HashSet<>();
    /** Hosts whose last connect of this batch succeeded (their CONNECTED snapshot may come a tick later). */
    private final Set<String> succeeded = new HashSet<>();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Review> review = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private boolean gathering;

    public ConnectBatch(List<ConnectionEntry> entries, Fleet fleet, BatchHostKeyPrompt hostKeys, TaskExecutor ui,
                        Messages messages) {
        this.fleet = fleet;
        this.hostKeys = hostKeys;
        this.ui = ui;
        this.messages = messages;
        entries.forEach(e -> this.entries.put(e.id(), e));
    }

    /** Connects every host of the batch (they must be in the fleet), gathering unknown keys until all finished. */
    public void start() {
        gathering = true;
        hostKeys.beginBatch();
        List<HostConnection> hosts = entries.keySet().stream().map(fleet::get).flatMap(Optional::stream).toList();
        running.addAndGet(hosts.size());
        refresh();
        if (hosts.isEmpty()) {
            ui.runOnUi(this::passDone);
        }
        hosts.forEach(this::connect);
    }

    private void connect(HostConnection host) {
        fleet.connectBounded(host).whenComplete((ok, error) -> {
            outcomes.add(new Outcome(host.entry().id(), error));
            if (running.decrementAndGet() == 0) {
                ui.runOnUi(this::passDone);
            }
        });
    }

    /** One batch of the fleet's snapshots (UI thread); snapshots of other hosts are ignored. */
    public void applySnapshots(List<HostSnapshot> batch) {
        boolean ours = false;
        for (HostSnapshot snapshot : batch) {
            if (entries.containsKey(snapshot.connectionId())) {
                latest.put(snapshot.connectionId(), snapshot);
                ours = true;
            }
        }
        if (ours || !outcomes.isEmpty()) {
            drainOutcomes();
            refresh();
        }
    }

    private void drainOutcomes() {
        for (Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            if (o.error() == null) {
                failures.remove(o.connectionId());
                succeeded.add(o.connectionId());
                continue;
            }
            succeeded.remove(o.connectionId());
            Throwable error = Failures.unwrap(o.error());
            failures.put(o.connectionId(), error);
            if (gathering && find(error, HostKeyRejectedException.class).isPresent()) {
                awaitingKey.add(o.connectionId());
            }
        }
    }

    private void passDone() {
        drainOutcomes();
        if (gathering) {
            gathering = false;
            hostKeys.endBatch();
            Review found = buildReview();
            if (!found.isEmpty()) {
                review.set(found);
            }
        }
        refresh();
        finished.set(running.get() == 0 && awaitingKey.isEmpty());
    }

    private Review buildReview() {
        Map<String, UnknownHostKey> unknownKeys = new LinkedHashMap<>();
        Map<String, List<String>> unknownHosts = new LinkedHashMap<>();
        Map<String, HostKeyChangedException> changes = new LinkedHashMap<>();
        Map<String, List<String>> changedHosts = new LinkedHashMap<>();
        for (ConnectionEntry entry : entries.values()) {
            Throwable error = failures.get(entry.id());
            if (error == null) {
                continue;
            }
            Optional<HostKeyChangedException> changed = find(error, HostKeyChangedException.class);
            if (changed.isPresent()) {
                HostKeyChangedException c = changed.get();
                String id = c.host() + " " + c.keyType() + " " + c.knownFingerprint() + " " + c.presentedFingerprint();
                changes.putIfAbsent(id, c);
                changedHosts.computeIfAbsent(id, k -> new ArrayList<>()).add(entry.displayName());
            } else if (awaitingKey.contains(entry.id())) {
                UnknownHostKey key = find(error, HostKeyRejectedException.class).orElseThrow().key();
                String id = BatchHostKeyPrompt.id(key);
                unknownKeys.putIfAbsent(id, key);
                unknownHosts.computeIfAbsent(id, k -> new ArrayList<>()).add(entry.displayName());
            }
        }
        List<UnknownKey> unknown = new ArrayList<>();
        unknownKeys.forEach((id, key) -> unknown.add(new UnknownKey(key, List.copyOf(unknownHosts.get(id)))));
        List<ChangedKey> changed = new ArrayList<>();
        changes.forEach((id, c) -> changed.add(new ChangedKey(c, List.copyOf(changedHosts.get(id)))));
        return new Review(List.copyOf(unknown), List.copyOf(changed));
    }

    /**
     * The user's answer to the review (UI thread): the hosts of the accepted keys connect again and pass
     * without a question ({@code save}: the key is written to known_hosts); the others stay refused.
     */
    public void applyReview(Set<UnknownHostKey> accepted, boolean save) {
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(key -> {
            hostKeys.approve(key, save);
            acceptedIds.add(BatchHostKeyPrompt.id(key));
        });
        List<HostConnection> again = new ArrayList<>();
        for (String id : List.copyOf(awaitingKey)) {
            UnknownHostKey key = find(failures.get(id), HostKeyRejectedException.class).orElseThrow().key();
            awaitingKey.remove(id);
            if (acceptedIds.contains(BatchHostKeyPrompt.id(key))) {
                failures.remove(id);
                latest.remove(id); // its refusal is history: the row shows "connecting" until news arrives
                fleet.get(id).ifPresent(again::add);
            }
        }
        review.set(null);
        running.addAndGet(again.size());
        refresh();
        if (again.isEmpty()) {
            finished.set(running.get() == 0);
        }
        again.forEach(this::connect);
    }

    private void refresh() {
        List<Row> fresh = new ArrayList<>(entries.size());
        int[] count = new int[HostState.values().length];
        for (ConnectionEntry entry : entries.values()) {
            Row row = row(entry);
            count[row.state().ordinal()]++;
            fresh.add(row);
        }
        rows.setAll(fresh);
        counts.set(messages.get("connectBatch.counts", entries.size(), count[HostState.CONNECTED.ordinal()],
                count[HostState.CONNECTING.ordinal()], count[HostState.AWAITING_KEY.ordinal()],
                count[HostState.KEY_CHANGED.ordinal()] + count[HostState.FAILED.ordinal()]));
    }

    private Row row(ConnectionEntry entry) {
        String id = entry.id();
        HostSnapshot snapshot = latest.get(id);
        Throwable failure = failures.get(id);
        HostState state;
        String detail = "";
        if (awaitingKey.contains(id)) {
            state = HostState.AWAITING_KEY;
        } else if (failure != null && find(failure, HostKeyChangedException.class).isPresent()) {
            state = HostState.KEY_CHANGED;
            detail = Failures.message(failure, messages);
        } else if (failure != null) {
            state = HostState.FAILED;
            detail = Failures.message(failure, messages);
        } else if (snapshot != null && snapshot.state() == ConnectionState.CONNECTED) {
            state = HostState.CONNECTED;
        } else if (succeeded.contains(id) && (snapshot == null || snapshot.state() == ConnectionState.CONNECTING)) {
            state = HostState.CONNECTED;
        } else if (succeeded.contains(id)) {
            state = HostState.FAILED; // connected, then lost
            detail = snapshot.reason() == null ? "" : snapshot.reason().in(messages);
        } else {
            state = HostState.CONNECTING;
        }
        return new Row(id, entry.displayName(), state, messages.get("connectBatch.state." + state.name()), detail);
    }

    private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    public int size() {
        return entries.size();
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** Set when a pass met host keys to decide on; cleared by {@link #applyReview}. */
    public ReadOnlyObjectProperty<Review> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** True when every host has connected or failed for good. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
