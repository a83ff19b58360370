package org.vireo.connections.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.threads.BackgroundThreads;

/**
 * Samples every connected host of a fleet on a fixed interval (1–60 s, default 3 s): each host on its own
 * thread ({@link HostConnection#call}), hosts in parallel, then one {@link Tick} to the listeners once all
 * hosts answered (or the interval ran out), so the UI redraws once per tick, not per VM.
 *
 * <p>What is read is set by {@link #setInterest}: every active VM (one virConnectGetAllDomainStats per host)
 * or only the given UUIDs (virDomainListGetStats), e.g. the rows on screen and the graphed VM of a large
 * fleet. With a filter, every {@code sweepEvery}-th tick still reads every VM, so the fleet overview
 * sees all VMs (their rates then average over the sweep period).
 */
public final class StatsPoller implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_SWEEP_EVERY = 10;
    private static final System.Logger LOG = System.getLogger(StatsPoller.class.getName());

    /** What one tick did: when, how many hosts and VMs were read, and how many hosts failed. */
    public record Tick(long number, long atMillis, int hosts, int vms, int failedHosts) {
    }

    private final Supplier<List<HostConnection>> hosts;
    private final StatsHistory history;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<String, HostSampler> samplers = new ConcurrentHashMap<>();
    private final List<Consumer<Tick>> listeners = new CopyOnWriteArrayList<>();
    private volatile Set<String> interest; // null: every VM
    private volatile int sweepEvery = DEFAULT_SWEEP_EVERY;
    private volatile Set<StatGroup> collected = Set.of(StatGroup.values());
    private Duration interval;
    private ScheduledFuture<?> schedule;
    private long ticks;
    private boolean tickRunning;

    public StatsPoller(Fleet fleet, StatsHistory history, Duration interval) {
        this(fleet::hosts, history, interval);
    }

    /** @param hosts the hosts to sample, asked again every tick */
    public StatsPoller(Supplier<List<HostConnection>> hosts, StatsHistory history, Duration interval) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.history = Objects.requireNonNull(history, "history");
        this.interval = checkInterval(interval);
        this.timer = new ScheduledThreadPoolExecutor(1, BackgroundThreads.factory("vireo-stats"));
        timer.setRemoveOnCancelPolicy(true);
    }

    public StatsHistory history() {
        return history;
    }

    /** Starts ticking (first tick at once). */
    public synchronized void start() {
        if (schedule == null && !timer.isShutdown()) {
            schedule = timer.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** @throws IllegalArgumentException outside 1–60 s */
    public synchronized void setInterval(Duration newInterval) {
        interval = checkInterval(newInterval);
        if (schedule != null) {
            schedule.cancel(false);
            schedule = timer.scheduleAtFixedRate(this::tick, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    public synchronized Duration interval() {
        return interval;
    }

    /** UUIDs to read from now on, or null for every active VM. The set is copied. */
    public void setInterest(Set<String> uuids) {
        interest = uuids == null ? null : Set.copyOf(uuids);
    }

    /** With a filter set, every {@code n}-th tick reads all VMs anyway (n ≥ 1; 1 = no filtering). */
    public void setSweepEvery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sweep period must be at least 1 tick, was " + n);
        }
        sweepEvery = n;
    }

    /** The optional groups read from the next tick on; the others' metrics stay unknown (NaN). */
    public void setCollected(Set<StatGroup> groups) {
        collected = Set.copyOf(groups);
    }

    public Set<StatGroup> collected() {
        return collected;
    }

    public void addTickListener(Consumer<Tick> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeTickListener(Consumer<Tick> listener) {
        listeners.remove(listener);
    }

    /**
     * Runs one tick now, tells the listeners, and returns when every host answered: for tests and tools
     * (the schedule does the same on its thread).
     */
    public Tick sampleNow() {
        Tick tick = collect(nextTickNumber()).join();
        publish(tick);
        return tick;
    }

    /** The UUIDs read from now on, null for every VM. */
    public Set<String> interest() {
        return interest;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static Duration checkInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("stats interval must be between 1 and 60 s, was "
                    + interval.toMillis() + " ms");
        }
        return interval;
    }

    private synchronized long nextTickNumber() {
        return ++ticks;
    }

    /** Skips a tick while the previous one still waits for a slow host: hosts are never queued up. */
    private void tick() {
        synchronized (this) {
            if (tickRunning) {
                return;
            }
            tickRunning = true;
        }
        long number = nextTickNumber();
        long budget = interval().toMillis() * 9 / 10;
        collect(number).completeOnTimeout(null, budget, TimeUnit.MILLISECONDS).whenComplete((tick, failure) -> {
            synchronized (this) {
                tickRunning = false;
            }
            if (tick != null) {
                publish(tick);
            } else if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "stats tick failed", failure);
            } else {
                publish(new Tick(number, System.currentTimeMillis(), -1, -1, -1)); // late hosts land next tick
            }
        });
    }

    private CompletableFuture<Tick> collect(long number) {
        Set<String> filter = interest;
        if (filter != null && number % sweepEvery == 0) {
            filter = null;
        }
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        List<HostConnection> all = hosts.get();
        Set<String> present = new java.util.HashSet<>();
        int groups = StatGroup.mask(collected);
        for (HostConnection host : all) {
            present.add(host.id());
            HostSnapshot snapshot = host.snapshot();
            if (!snapshot.state().isConnected()) {
                continue;
            }
            HostSampler sampler = samplers.computeIfAbsent(host.id(), id -> new HostSampler(id, history));
            Set<String> wanted = filter;
            reads.add(host.call(conn -> sampler.sample(conn, host.snapshot(), wanted, groups)));
        }
        forgetRemoved(present);
        CompletableFuture<?>[] array = reads.toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(array).handle((ok, failure) -> {
            int vms = 0;
            int failed = 0;
            for (CompletableFuture<Integer> read : reads) {
                if (read.isCompletedExceptionally()) {
                    failed++;
                    LOG.log(System.Logger.Level.DEBUG, "stats read failed: {0}",
                            read.handle((v, e) -> e.getMessage()).join());
                } else {
                    vms += read.join();
                }
            }
            return new Tick(number, System.currentTimeMillis(), reads.size(), vms, failed);
        });
    }

    private void forgetRemoved(Set<String> present) {
        samplers.keySet().removeIf(id -> {
            if (present.contains(id)) {
                return false;
            }
            history.forgetHost(id);
            return true; // its connection is closed; the domain handles went with it
        });
    }

    private void publish(Tick tick) {
        for (Consumer<Tick> listener : listeners) {
            try {
                listener.accept(tick);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "stats tick listener failed", e);
            }
        }
    }
}
