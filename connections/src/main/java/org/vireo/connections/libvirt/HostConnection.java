package org.vireo.connections.libvirt;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseReason;
import org.libvirt.event.LifecycleListener;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.threads.BackgroundThreads;
import org.vireo.resources.Text;

/**
 * The one long-lived libvirt connection to one host, and that host's VM cache.
 *
 * <p>Every libvirt call for the host runs on the host's own single daemon thread ("host-NAME"), so hosts
 * never wait on each other and the cache needs no locks. Domain lifecycle events only mark a VM dirty and
 * queue its refresh on that thread; a poll is the fallback: every poll interval for drivers without events,
 * {@value #EVENTS_POLL_FACTOR} times rarer when events arrive. Readers get immutable {@link HostSnapshot}s: {@link #snapshot()} is the last one
 * published, listeners hear of each new one.
 */
public final class HostConnection implements AutoCloseable {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(3);
    /** libvirt keepalive on remote links: dropped after 2 s × (3 + 1) = 8 s of silence, under the 10 s budget. */
    static final int KEEPALIVE_INTERVAL_S = 2;
    static final int KEEPALIVE_COUNT = 3;
    /** How much rarer the fallback poll is while domain events arrive. */
    static final int EVENTS_POLL_FACTOR = 10;
    static final VmAction READ_XML = VmAction.of("vm.cannot.readXml");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final System.Logger LOG = System.getLogger(HostConnection.class.getName());

    /**
     * The single place where a saved connection becomes an open libvirt Connect, with the link that carries it
     * ({@link SshLibvirtOpener} for SSH URIs, {@link OpenerByTransport} to choose per URI).
     */
    @FunctionalInterface
    public interface Opener {
        /**
         * @throws TransportException the link (SSH login, host key, tunnel) could not be set up
         */
        OpenedConnection open(ConnectionEntry entry) throws LibvirtException, TransportException;

        /** Opens the entry's URI as it is, read-only when the entry says so: libvirt does the transport. */
        static Opener direct() {
            return entry -> OpenedConnection.direct(new Connect(entry.uri(), entry.readOnly()));
        }
    }

    /** Work to run with the host's Connect on the host's thread. */
    @FunctionalInterface
    public interface LibvirtCall<T> {
        T call(Connect conn) throws LibvirtException;
    }

    @FunctionalInterface
    private interface DomainAction {
        void apply(Domain domain) throws LibvirtException;
    }

    /** Work on one domain, run on the host's thread by {@link #domainCall}. */
    @FunctionalInterface
    public interface DomainCall<T> {
        T apply(Connect conn, Domain domain) throws LibvirtException, HostOperationException;
    }

    @FunctionalInterface
    private interface HostTask<T> {
        T run() throws HostOperationException;
    }

    private final ConnectionEntry entry;
    private final String displayName;
    private final Opener opener;
    private final Duration pollInterval;
    private final ScheduledExecutorService executor;
    private final Reconnector reconnector;
    private final List<Consumer<HostSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile HostSnapshot snapshot;
    private CompletableFuture<Void> closed;

    // Written by the event-loop thread, drained on the host thread.
    private final Set<String> dirtyVms = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    // Confined to the host thread.
    private Connect conn;
    private Transport transport = Transport.NONE;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private Text reason;
    private HostInfo info;
    private final Map<String, VmInfo> vms = new HashMap<>();
    private ScheduledFuture<?> poller;
    private LifecycleListener lifecycleListener;

    public HostConnection(ConnectionEntry entry) {
        this(entry, Opener.direct(), DEFAULT_POLL_INTERVAL);
    }

    /** A host that never reconnects by itself once lost. */
    public HostConnection(ConnectionEntry entry, Opener opener, Duration pollInterval) {
        this(entry, opener, pollInterval, ReconnectPolicy.NEVER);
    }

    /** @param reconnect when to try again after the host was lost (never after a user disconnect) */
    public HostConnection(ConnectionEntry entry, Opener opener, Duration pollInterval, ReconnectPolicy reconnect) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.opener = Objects.requireNonNull(opener, "opener");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
        }
        this.pollInterval = pollInterval;
        this.displayName = entry.displayName();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1,
                BackgroundThreads.factory("host-" + displayName));
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // no reconnect attempt after close
        this.executor = pool;
        this.reconnector = new Reconnector(Objects.requireNonNull(reconnect, "reconnect"), pool);
        this.snapshot = new HostSnapshot(entry.id(), entry.uri(), displayName, state, null, null, List.of());
    }

    public ConnectionEntry entry() {
        return entry;
    }

    public String id() {
        return entry.id();
    }

    public String displayName() {
        return displayName;
    }

    /** The last published snapshot; cheap and safe from any thread. */
    public HostSnapshot snapshot() {
        return snapshot;
    }

    /** Called on the host's thread with each new snapshot; keep it quick (hand the work elsewhere). */
    public void addListener(Consumer<HostSnapshot> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<HostSnapshot> listener) {
        listeners.remove(listener);
    }

    /**
     * Opens the connection (now, also when a reconnect attempt is pending). On failure the snapshot turns
     * DISCONNECTED with the reason and the future fails with a {@link HostOperationException} carrying the same
     * message; nothing is thrown to the caller.
     */
    public CompletableFuture<Void> connect() {
        return submit(() -> {
            reconnector.reset();
            try {
                doConnect(ConnectionState.CONNECTING, null);
            } catch (HostOperationException e) {
                setState(ConnectionState.DISCONNECTED, e.text());
                throw e;
            }
            return null;
        });
    }

    /** Closes the connection (if open) and stops reconnecting; the snapshot turns DISCONNECTED without a reason. */
    public CompletableFuture<Void> disconnect() {
        return submit(() -> {
            reconnector.reset();
            dropConnection(ConnectionState.DISCONNECTED, null, true);
            return null;
        });
    }

    /** Re-reads every VM now instead of at the next poll. */
    public CompletableFuture<Void> refresh() {
        return submit(() -> {
            Text action = Text.of("host.cannotRefresh", displayName);
            Connect c = requireConnected(action);
            try {
                reloadAll(c);
            } catch (LibvirtException e) {
                throw new HostOperationException(LibvirtErrors.text(action, e), e);
            }
            publishIfChanged();
            return null;
        });
    }

    public CompletableFuture<Void> start(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.start"), Domain::create);
    }

    /** ACPI shutdown request; the guest decides when it is off. */
    public CompletableFuture<Void> shutdown(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.shutDown"), Domain::shutdown);
    }

    public CompletableFuture<Void> reboot(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.reboot"), domain -> domain.reboot(0));
    }

    public CompletableFuture<Void> reset(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.reset"), Domain::reset);
    }

    /** Pulls the plug (virDomainDestroy). */
    public CompletableFuture<Void> forceOff(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.forceOff"), Domain::destroy);
    }

    public CompletableFuture<Void> suspend(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.pause"), Domain::suspend);
    }

    public CompletableFuture<Void> resume(String uuid) {
        return domainAction(uuid, VmAction.of("vm.cannot.resume"), Domain::resume);
    }

    /** The domain's current XML (without secrets). */
    public CompletableFuture<String> domainXml(String uuid) {
        return submit(() -> {
            Text action = READ_XML.on(vmName(uuid), displayName);
            Connect c = requireConnected(action);
            Domain domain = null;
            try {
                domain = c.domainLookupByUUIDString(uuid);
                return domain.getXMLDesc(0);
            } catch (LibvirtException e) {
                throw new HostOperationException(LibvirtErrors.text(action, e), e);
            } finally {
                freeQuietly(domain);
            }
        });
    }

    /**
     * Runs any libvirt work on this host's thread. The cache is not refreshed afterwards: domain events and
     * the poll bring the change in, as for a change made by another program.
     */
    public <T> CompletableFuture<T> call(LibvirtCall<T> work) {
        return submit(() -> {
            Text action = Text.of("host.error", displayName);
            Connect c = requireConnected(action);
            try {
                return work.call(c);
            } catch (LibvirtException e) {
                throw new HostOperationException(LibvirtErrors.text(action, e), e);
            }
        });
    }

    /**
     * Opens a second, independent connection to this host through the same opener (its own link), for long
     * calls such as a migration that must not hold up this host's thread. Runs on the caller's thread; the
     * caller closes the connection and its transport.
     */
    public OpenedConnection openSeparate() throws LibvirtException, TransportException {
        LibvirtEventLoop.ensureStarted();
        return opener.open(entry);
    }

    /** Disconnects and stops the host thread; returns at once, the future completes when disconnected. */
    public synchronized CompletableFuture<Void> closeAsync() {
        if (closed == null) {
            closed = disconnect();
            executor.shutdown();
        }
        return closed;
    }

    @Override
    public void close() {
        closeAsync();
    }

    // ---- host thread ----------------------------------------------------------------------------------

    /** Opens and loads the host; on failure leaves nothing open and the state for the caller to set. */
    private void doConnect(ConnectionState during, Text reasonDuring) throws HostOperationException {
        if (conn != null) {
            return;
        }
        Text action = Text.of("host.cannotConnect", entry.uri());
        LibvirtUri uri;
        try {
            uri = LibvirtUri.parse(entry.uri());
        } catch (InvalidUriException e) {
            throw new HostOperationException(e.text(), e);
        }
        setState(during, reasonDuring);
        OpenedConnection opened = null;
        try {
            LibvirtEventLoop.ensureStarted();
            opened = opener.open(entry);
            Connect c = opened.connect();
            info = HostReader.hostInfo(c, uri.displayHost());
            watch(opened, uri);
            reloadAll(c);
            conn = c;
            transport = opened.transport();
        } catch (LibvirtException | TransportException | LinkageError e) {
            if (opened != null) {
                unwatch(opened.connect());
                closeQuietly(opened.connect());
                opened.transport().close();
            }
            vms.clear();
            throw new HostOperationException(e instanceof TransportException t ? Text.of("libvirt.failed", action, t.text())
                    : LibvirtErrors.text(action, e), e);
        }
        // With lifecycle events the poll is only a safety net (changes events do not report, e.g. memory set
        // elsewhere); re-reading every VM of every host each few seconds costs more than all the rest.
        long millis = (lifecycleListener != null ? pollInterval.multipliedBy(EVENTS_POLL_FACTOR) : pollInterval).toMillis();
        poller = executor.scheduleWithFixedDelay(this::pollGuarded, millis, millis, TimeUnit.MILLISECONDS);
        setState(ConnectionState.CONNECTED, null);
    }

    /** The host was lost by itself: show why, then try again as the reconnect policy says. */
    private void lose(Text why) {
        dropConnection(ConnectionState.LOST, why, false);
        scheduleReconnect(why);
    }

    private void scheduleReconnect(Text lastError) {
        Optional<Reconnector.Plan> plan = reconnector.scheduleNext(this::reconnectAttempt);
        if (plan.isEmpty()) {
            int tried = reconnector.attempts();
            reconnector.reset();
            if (tried > 0) {
                setState(ConnectionState.DISCONNECTED, Text.of("host.gaveUp", lastError, tried));
            }
            return; // a policy that never reconnects leaves the host LOST
        }
        Reconnector.Plan p = plan.get();
        setState(ConnectionState.RECONNECTING, Text.of("host.nextAttempt", lastError, p.attempt(), p.maxAttempts(),
                CLOCK.format(p.at().atZone(ZoneId.systemDefault()))));
    }

    private void reconnectAttempt() {
        if (conn != null || state != ConnectionState.RECONNECTING) {
            return; // connected or disconnected by the user meanwhile
        }
        try {
            doConnect(ConnectionState.RECONNECTING, reason);
            reconnector.reset();
        } catch (HostOperationException e) {
            if (Reconnector.worthRetrying(e.getCause())) {
                scheduleReconnect(e.text());
            } else {
                reconnector.reset();
                setState(ConnectionState.DISCONNECTED, e.text());
            }
        }
    }

    /** Close callback, keepalive and lifecycle events; each is optional for drivers that lack it. */
    private void watch(OpenedConnection opened, LibvirtUri uri) throws LibvirtException {
        Connect c = opened.connect();
        opened.transport().onLost(why -> onHostThread(() -> transportLost(c, why)));
        c.registerCloseListener((closed, why) -> onHostThread(() -> connectionClosed(closed, why)));
        if (uri.isRemote() && !"test".equals(uri.driver())) {
            try {
                c.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT); // a stalled link is dropped within 10 s
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoSupport(e)) {
                    throw e;
                }
            }
        }
        LifecycleListener listener = (domain, event) -> {
            domainChanged(domain);
            return 0;
        };
        try {
            c.addLifecycleListener(listener);
            lifecycleListener = listener;
        } catch (LibvirtException e) {
            if (!LibvirtErrors.isNoSupport(e)) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "{0}: no domain events, polling every {1}", displayName, pollInterval);
        }
    }

    private void connectionClosed(Connect closed, ConnectionCloseReason why) {
        if (closed != conn) {
            return; // a callback from a connection we already replaced
        }
        lose(Text.of("libvirt.failed", Text.of("host.lost", entry.uri()), describe(why)));
    }

    private void transportLost(Connect over, Text why) {
        if (over != conn) {
            return;
        }
        lose(why);
    }

    private static Text describe(ConnectionCloseReason why) {
        return Text.of(switch (why) {
            case ERROR -> "host.closed.error";
            case EOF -> "host.closed.eof";
            case KEEPALIVE -> "host.closed.keepalive";
            case CLIENT -> "host.closed.client";
            default -> "host.closed.unknown";
        });
    }

    private void dropConnection(ConnectionState newState, Text why, boolean orderly) {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
        Connect c = conn;
        Transport link = transport;
        conn = null;
        transport = Transport.NONE;
        dirtyVms.clear();
        vms.clear();
        if (c != null) {
            if (orderly) {
                unwatch(c);
            }
            closeQuietly(c);
        }
        link.close();
        setState(newState, why);
    }

    private void unwatch(Connect c) {
        try {
            if (lifecycleListener != null) {
                c.removeLifecycleListener(lifecycleListener);
            }
            c.unregisterCloseListener();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: unregistering callbacks failed: {1}", displayName,
                    LibvirtErrors.reason(e));
        } finally {
            lifecycleListener = null;
        }
    }

    private void closeQuietly(Connect c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (LibvirtException e) {
            // The connection is being dropped either way; a failing close (e.g. a dead link) changes nothing.
            LOG.log(System.Logger.Level.DEBUG, "{0}: close failed: {1}", displayName, LibvirtErrors.reason(e));
        }
    }

    /** A periodic task that throws is silently never run again; log instead and keep polling. */
    private void pollGuarded() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "poll of " + displayName + " failed", e);
        }
    }

    private void poll() {
        Connect c = conn;
        if (c == null) {
            return;
        }
        try {
            reloadAll(c);
            publishIfChanged();
        } catch (LibvirtException e) {
            readFailed(c, e);
        }
    }

    private void refreshDirty() {
        refreshQueued.set(false);
        Connect c = conn;
        if (c == null) {
            return;
        }
        List<String> uuids = new ArrayList<>(dirtyVms);
        dirtyVms.removeAll(uuids);
        try {
            for (String uuid : uuids) {
                refreshVm(c, uuid);
            }
            publishIfChanged();
        } catch (LibvirtException e) {
            readFailed(c, e);
        }
    }

    /** A dead link turns the host LOST; anything else is logged and the next poll tries again. */
    private void readFailed(Connect c, LibvirtException e) {
        boolean alive;
        try {
            alive = c.isAlive();
        } catch (LibvirtException notAlive) {
            alive = false;
        }
        if (alive) {
            LOG.log(System.Logger.Level.WARNING, "{0}: refresh failed: {1}", displayName, LibvirtErrors.reason(e));
        } else {
            lose(LibvirtErrors.text(Text.of("host.lost", entry.uri()), e));
        }
    }

    private void reloadAll(Connect c) throws LibvirtException {
        Map<String, VmInfo> fresh = HostReader.allVms(c);
        vms.clear();
        vms.putAll(fresh);
    }

    private void refreshVm(Connect c, String uuid) throws LibvirtException {
        VmInfo vm = HostReader.vmOrNull(c, uuid);
        if (vm == null) {
            vms.remove(uuid);
        } else {
            vms.put(uuid, vm);
        }
    }

    private CompletableFuture<Void> domainAction(String uuid, VmAction verb, DomainAction action) {
        return domainCall(uuid, verb, (c, domain) -> {
            action.apply(domain);
            return null;
        });
    }

    /**
     * Runs {@code call} on the domain {@code uuid} on the host's thread, then re-reads that VM and publishes (a call
     * that adds another VM follows with {@link #refresh()}). A libvirt failure becomes "{verb on vm and host}:
     * {reason}" ("Cannot start 'web1' on host-a: ..."); a {@link HostOperationException} thrown by {@code call}
     * passes unchanged.
     */
    public <T> CompletableFuture<T> domainCall(String uuid, VmAction verb, DomainCall<T> call) {
        Objects.requireNonNull(uuid, "uuid");
        return submit(() -> {
            Text what = verb.on(vmName(uuid), displayName);
            Connect c = requireConnected(what);
            Domain domain = null;
            T result;
            try {
                domain = c.domainLookupByUUIDString(uuid);
                result = call.apply(c, domain);
            } catch (LibvirtException e) {
                refreshAfterFailure(c, uuid);
                throw new HostOperationException(LibvirtErrors.text(what, e), e);
            } catch (HostOperationException e) {
                refreshAfterFailure(c, uuid);
                throw e;
            } finally {
                freeQuietly(domain);
            }
            try {
                refreshVm(c, uuid);
                publishIfChanged();
            } catch (LibvirtException e) {
                readFailed(c, e);
            }
            return result;
        });
    }

    /** The VM's name as last seen, or its UUID; for messages. */
    public String vmNameOf(String uuid) {
        return snapshot.vms().stream().filter(v -> v.uuid().equals(uuid)).map(VmInfo::name).findFirst().orElse(uuid);
    }

    /** A failed action may still have changed the VM (or shown it is gone): show what is true now. */
    private void refreshAfterFailure(Connect c, String uuid) {
        try {
            refreshVm(c, uuid);
            publishIfChanged();
        } catch (LibvirtException e) {
            readFailed(c, e);
        }
    }

    private String vmName(String uuid) {
        VmInfo vm = vms.get(uuid);
        return vm != null ? vm.name() : uuid;
    }

    private Connect requireConnected(Text action) throws HostOperationException {
        if (conn == null) {
            throw new HostOperationException(Text.of("libvirt.failed", action, Text.of("host.notConnected")), null);
        }
        return conn;
    }

    private void setState(ConnectionState newState, Text why) {
        state = newState;
        reason = why;
        publishIfChanged();
    }

    private void publishIfChanged() {
        List<VmInfo> sorted = new ArrayList<>(vms.values());
        sorted.sort(Comparator.comparing(VmInfo::name).thenComparing(VmInfo::uuid));
        HostSnapshot next = new HostSnapshot(entry.id(), entry.uri(), displayName, state, reason, info, sorted);
        if (sameApartFromCpuTime(next, snapshot)) {
            return;
        }
        snapshot = next;
        for (Consumer<HostSnapshot> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "snapshot listener failed for " + displayName, e);
            }
        }
    }

    /**
     * A running VM's CPU time moves on every poll; the stats poller follows it, so on its own it is no change
     * worth a new snapshot (which would redraw every row of the host in the tree).
     */
    static boolean sameApartFromCpuTime(HostSnapshot a, HostSnapshot b) {
        if (a == b) {
            return true;
        }
        if (!a.connectionId().equals(b.connectionId()) || !a.uri().equals(b.uri())
                || !Objects.equals(a.displayName(), b.displayName()) || a.state() != b.state()
                || !Objects.equals(a.reason(), b.reason()) || !Objects.equals(a.info(), b.info())
                || a.vms().size() != b.vms().size()) {
            return false;
        }
        for (int i = 0; i < a.vms().size(); i++) {
            VmInfo x = a.vms().get(i);
            VmInfo y = b.vms().get(i);
            if (!x.equals(y) && !x.equals(new VmInfo(y.uuid(), y.name(), y.state(), y.vcpus(), y.memoryKiB(),
                    y.maxMemoryKiB(), x.cpuTimeNs(), y.persistent(), y.autostart()))) {
                return false;
            }
        }
        return true;
    }

    private void freeQuietly(Domain domain) {
        try {
            HostReader.free(domain);
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: freeing a domain failed: {1}", displayName, LibvirtErrors.reason(e));
        }
    }

    // ---- event-loop thread ----------------------------------------------------------------------------

    /** Lifecycle callback: no libvirt round trip here, only note the UUID and queue one refresh. */
    private void domainChanged(Domain domain) {
        String uuid;
        try {
            uuid = domain.getUUIDString(); // copied from the event itself, no call to the host
        } catch (LibvirtException e) {
            onHostThread(this::poll);
            return;
        }
        dirtyVms.add(uuid);
        if (refreshQueued.compareAndSet(false, true)) {
            onHostThread(this::refreshDirty);
        }
    }

    private void onHostThread(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The host was closed; late callbacks have nothing left to update.
            LOG.log(System.Logger.Level.DEBUG, "{0}: callback after close ignored", displayName);
        }
    }

    private <T> CompletableFuture<T> submit(HostTask<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.run());
                } catch (HostOperationException | RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new HostOperationException(Text.of("host.isClosed", displayName), e));
        }
        return result;
    }
}
