package org.vireo.connections.fleet;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.store.ConnectionEntry;

/**
 * All host connections of the session, keyed by connection id, and one coalesced change feed for the UI.
 *
 * <p>Hosts publish snapshots on their own threads; the fleet keeps only the latest per host and hands them
 * out as one batch per tick from a single daemon thread ("vireo-fleet-batcher"), so the UI posts one
 * {@code Platform.runLater} per tick however many VMs changed. Connecting many hosts at once is bounded.
 */
public final class Fleet implements AutoCloseable {
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(150);
    public static final int DEFAULT_MAX_CONCURRENT_CONNECTS = 8;
    private static final System.Logger LOG = System.getLogger(Fleet.class.getName());

    private final HostConnection.Opener opener;
    private final Duration pollInterval;
    private final ReconnectPolicy reconnect;
    private final int maxConcurrentConnects;
    private final Map<String, HostConnection> hosts = new LinkedHashMap<>();
    /** Ids of the hosts in the fleet, readable without the fleet's lock (hosts publish on their own threads). */
    private final Set<String> liveIds = ConcurrentHashMap.newKeySet();
    private final Map<String, HostSnapshot> pending = new LinkedHashMap<>();
    private final List<Consumer<List<HostSnapshot>>> batchListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService batcher;
    private final Object connectLock = new Object();
    private final Deque<Runnable> waitingConnects = new ArrayDeque<>();
    private int runningConnects;

    public Fleet() {
        this(HostConnection.Opener.direct(), HostConnection.DEFAULT_POLL_INTERVAL, DEFAULT_BATCH_INTERVAL,
                DEFAULT_MAX_CONCURRENT_CONNECTS);
    }

    /**
     * @param batchInterval         pause between two batches (100-250 ms keeps the UI fluid and cheap)
     * @param maxConcurrentConnects how many hosts may be connecting at the same time
     */
    public Fleet(HostConnection.Opener opener, Duration pollInterval, Duration batchInterval, int maxConcurrentConnects) {
        this(opener, pollInterval, batchInterval, maxConcurrentConnects, ReconnectPolicy.DEFAULT);
    }

    /** @param reconnect what every host does once lost ({@link ReconnectPolicy#NEVER} for one-shot tools) */
    public Fleet(HostConnection.Opener opener, Duration pollInterval, Duration batchInterval, int maxConcurrentConnects,
                 ReconnectPolicy reconnect) {
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        if (maxConcurrentConnects < 1) {
            throw new IllegalArgumentException("maxConcurrentConnects must be at least 1, was " + maxConcurrentConnects);
        }
        this.maxConcurrentConnects = maxConcurrentConnects;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "vireo-fleet-batcher");
            thread.setDaemon(true);
            return thread;
        });
        this.batcher = pool;
        long millis = batchInterval.toMillis();
        pool.scheduleWithFixedDelay(this::deliverBatch, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Adds a host (not yet connected); its snapshots join the batches. Replaces nothing: ids are unique. */
    public synchronized HostConnection add(ConnectionEntry entry) {
        if (hosts.containsKey(entry.id())) {
            throw new IllegalArgumentException("connection " + entry.id() + " (" + entry.uri() + ") is already in the fleet");
        }
        HostConnection host = new HostConnection(entry, opener, pollInterval, reconnect);
        host.addListener(this::offer);
        hosts.put(entry.id(), host);
        liveIds.add(entry.id());
        offer(host.snapshot());
        return host;
    }

    /**
     * Disconnects and forgets a host. No batch delivered after this call contains it; a batch already
     * being delivered may, so batch consumers ignore ids they no longer know.
     */
    public CompletableFuture<Void> remove(String id) {
        HostConnection host;
        synchronized (this) {
            host = hosts.remove(id);
        }
        liveIds.remove(id);
        synchronized (pending) {
            pending.remove(id);
        }
        return host == null ? CompletableFuture.completedFuture(null) : host.closeAsync();
    }

    public synchronized Optional<HostConnection> get(String id) {
        return Optional.ofNullable(hosts.get(id));
    }

    public synchronized List<HostConnection> hosts() {
        return List.copyOf(hosts.values());
    }

    /**
     * Connects every host (or only those marked autoconnect), at most {@code maxConcurrentConnects} at a
     * time. The future completes when every attempt has finished; failures show in the snapshots.
     */
    public CompletableFuture<Void> connectAll(boolean autoconnectOnly) {
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (HostConnection host : hosts()) {
            if (!autoconnectOnly || host.entry().autoconnect()) {
                attempts.add(connectBounded(host).exceptionally(failure -> null));
            }
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new));
    }

    /** Connects one host through the bounded pool; the future fails as {@link HostConnection#connect()} does. */
    public CompletableFuture<Void> connectBounded(HostConnection host) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Runnable launch = () -> host.connect().whenComplete((ok, failure) -> {
            connectFinished();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(null);
            }
        });
        synchronized (connectLock) {
            if (runningConnects < maxConcurrentConnects) {
                runningConnects++;
            } else {
                waitingConnects.add(launch);
                return result;
            }
        }
        launch.run();
        return result;
    }

    private void connectFinished() {
        Runnable next;
        synchronized (connectLock) {
            next = waitingConnects.poll();
            if (next == null) {
                runningConnects--;
                return;
            }
        }
        next.run(); // the finished connect's slot passes to the next one
    }

    /** Receives batches on the batcher thread: the latest snapshot of every host that changed, once per tick. */
    public void addBatchListener(Consumer<List<HostSnapshot>> listener) {
        batchListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeBatchListener(Consumer<List<HostSnapshot>> listener) {
        batchListeners.remove(listener);
    }

    /** Disconnects every host and stops the batcher; returns a future that completes when all are closed. */
    public CompletableFuture<Void> closeAsync() {
        List<HostConnection> all;
        synchronized (this) {
            all = List.copyOf(hosts.values());
            hosts.clear();
        }
        liveIds.clear();
        batcher.shutdown();
        return CompletableFuture.allOf(all.stream().map(HostConnection::closeAsync).toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        closeAsync();
    }

    private void offer(HostSnapshot snapshot) {
        synchronized (pending) {
            if (liveIds.contains(snapshot.connectionId())) { // else removed while it was publishing
                pending.put(snapshot.connectionId(), snapshot);
            }
        }
    }

    private void deliverBatch() {
        List<HostSnapshot> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = List.copyOf(pending.values());
            pending.clear();
        }
        for (Consumer<List<HostSnapshot>> listener : batchListeners) {
            try {
                listener.accept(batch);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "fleet batch listener failed", e);
            }
        }
    }

    /** For diagnostics and tests: hosts whose connect waits for a free slot. */
    public int waitingConnects() {
        synchronized (connectLock) {
            return waitingConnects.size();
        }
    }

}
