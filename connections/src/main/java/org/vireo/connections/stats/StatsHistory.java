package org.vireo.connections.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet's recent stats: one {@link SampleRing} per VM, keyed by UUID whatever host it runs on (a
 * migrated VM keeps its history), and one per host connection. Samplers append on host threads; the UI
 * reads the latest values or copies series out into its own arrays.
 */
public final class StatsHistory {
    public static final Duration DEFAULT_SPAN = Duration.ofMinutes(10);

    private final int capacity;
    private final Map<String, SampleRing> vms = new ConcurrentHashMap<>();
    private final Map<String, String> hostOfVm = new ConcurrentHashMap<>();
    private final Map<String, SampleRing> hosts = new ConcurrentHashMap<>();

    /** @param capacity samples kept per VM and per host (e.g. 10 minutes / 3 s = 200) */
    public StatsHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a stats history needs at least 2 samples, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Enough samples to cover {@code span} at {@code interval}. */
    public static int capacityFor(Duration span, Duration interval) {
        return (int) Math.max(2, Math.ceil((double) span.toMillis() / interval.toMillis()));
    }

    public int capacity() {
        return capacity;
    }

    public Optional<SampleRing> vm(String uuid) {
        return Optional.ofNullable(vms.get(uuid));
    }

    public Optional<SampleRing> host(String connectionId) {
        return Optional.ofNullable(hosts.get(connectionId));
    }

    /** Latest value of {@code metric} for the VM, NaN when never sampled. */
    public double latest(String uuid, VmMetric metric) {
        return valueOf(vms.get(uuid), ring -> ring.latest(metric.ordinal()));
    }

    public double latestHost(String connectionId, HostMetric metric) {
        return valueOf(hosts.get(connectionId), ring -> ring.latest(metric.ordinal()));
    }

    /** Newest known (not NaN) value of {@code metric} for the VM, NaN when there is none. */
    public double latestKnown(String uuid, VmMetric metric) {
        return valueOf(vms.get(uuid), ring -> ring.latestKnown(metric.ordinal()));
    }

    /**
     * Newest known value of {@code metric} for the host, NaN when there is none. Hosts whose driver has no node
     * counters get their CPU and memory from a read of all their VMs, which a large fleet makes only every few ticks.
     */
    public double latestKnownHost(String connectionId, HostMetric metric) {
        return valueOf(hosts.get(connectionId), ring -> ring.latestKnown(metric.ordinal()));
    }

    private static double valueOf(SampleRing ring, java.util.function.ToDoubleFunction<SampleRing> read) {
        return ring == null ? Double.NaN : read.applyAsDouble(ring);
    }

    /** Copies the VM's newest values of {@code metric} into {@code dst}, oldest first; returns the count. */
    public int copy(String uuid, VmMetric metric, double[] dst) {
        SampleRing ring = vms.get(uuid);
        return ring == null ? 0 : ring.copySeries(metric.ordinal(), dst);
    }

    public int copyHost(String connectionId, HostMetric metric, double[] dst) {
        SampleRing ring = hosts.get(connectionId);
        return ring == null ? 0 : ring.copySeries(metric.ordinal(), dst);
    }

    /** Connection id of the host the VM was last sampled on. */
    public Optional<String> hostOf(String uuid) {
        return Optional.ofNullable(hostOfVm.get(uuid));
    }

    /** One VM's load as of its latest sample, for "what is busy right now". */
    public record Load(String uuid, String connectionId, double cpuPercent, double memoryUsedKiB, long atMillis) {
    }

    /**
     * The {@code limit} VMs with the highest latest CPU %, sampled at or after {@code sinceMillis}, busiest
     * first (ties by memory).
     */
    public List<Load> busiest(int limit, long sinceMillis) {
        Comparator<Load> busier = Comparator.comparingDouble(Load::cpuPercent).thenComparingDouble(Load::memoryUsedKiB);
        PriorityQueue<Load> top = new PriorityQueue<>(limit + 1, busier); // least busy at the head
        vms.forEach((uuid, ring) -> {
            long at = ring.latestTime();
            double cpu = ring.latest(VmMetric.CPU_PERCENT.ordinal());
            if (at < sinceMillis || Double.isNaN(cpu) || limit <= 0) {
                return;
            }
            if (top.size() == limit && cpu < top.peek().cpuPercent()) {
                return; // not among the busiest: no record made
            }
            top.add(new Load(uuid, hostOfVm.get(uuid), cpu, ring.latest(VmMetric.MEMORY_USED_KIB.ordinal()), at));
            if (top.size() > limit) {
                top.poll();
            }
        });
        List<Load> loads = new ArrayList<>(top);
        loads.sort(busier.reversed());
        return loads;
    }

    /** Forgets a host's own series (its VMs keep theirs: they may live on elsewhere). */
    public void forgetHost(String connectionId) {
        hosts.remove(connectionId);
    }

    void appendVm(String uuid, String connectionId, long timeMillis, double[] row) {
        vms.computeIfAbsent(uuid, u -> new SampleRing(capacity, VmMetric.COUNT)).append(timeMillis, row);
        if (!connectionId.equals(hostOfVm.get(uuid))) {
            hostOfVm.put(uuid, connectionId);
        }
    }

    void appendHost(String connectionId, long timeMillis, double[] row) {
        hosts.computeIfAbsent(connectionId, id -> new SampleRing(capacity, HostMetric.COUNT)).append(timeMillis, row);
    }
}
