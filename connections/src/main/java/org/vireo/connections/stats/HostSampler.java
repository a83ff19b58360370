package org.vireo.connections.stats;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.jna.ConnectionPointer;
import org.vireo.connections.libvirt.NativeAccess;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;

/**
 * Samples one host per tick: one bulk stats call (all active domains, or only those of interest), the
 * node counters, then rates against the previous reading of each VM on this host, appended to the
 * {@link StatsHistory}. Confined to the host's own thread; reuses its buffers, so a tick allocates
 * little beyond one UUID string per VM.
 */
public final class HostSampler {
    /** Counters of VMs not read for this many ticks are dropped (they left, or are out of interest). */
    static final int STALE_TICKS = 40;
    private static final System.Logger LOG = System.getLogger(HostSampler.class.getName());

    private final String connectionId;
    private final StatsHistory history;
    private final Map<String, VmCounters> previous = new HashMap<>();
    private final Map<String, Domain> domainsOfInterest = new HashMap<>();
    private final VmCounters reading = new VmCounters();
    private final TypedParams params = new TypedParams();
    private final NodeCounters node = new NodeCounters();
    private final PointerByReference records = new PointerByReference();
    private final byte[] uuid = new byte[37];
    private final Memory domainInfo = new Memory(StatsNative.DOMAIN_INFO_SIZE);
    private final double[] vmRow = new double[VmMetric.COUNT];
    private final double[] hostRow = new double[HostMetric.COUNT];
    private final long[] memory = new long[2];
    private long tick;
    private Connect lastConnection;

    public HostSampler(String connectionId, StatsHistory history) {
        this.connectionId = connectionId;
        this.history = history;
    }

    /**
     * Reads and records one sample of the host and its active VMs.
     *
     * @param host     the host's latest snapshot (CPU count, memory, which VMs are active)
     * @param interest UUIDs to read, or null for every active VM (one virConnectGetAllDomainStats)
     * @return how many VMs were read
     */
    public int sample(Connect conn, HostSnapshot host, Set<String> interest) throws LibvirtException {
        return sample(conn, host, interest, StatsNative.GROUPS);
    }

    /** As {@link #sample(Connect, HostSnapshot, Set)}, reading only the stats groups of {@code groups} ({@link StatGroup#mask}). */
    public int sample(Connect conn, HostSnapshot host, Set<String> interest, int groups) throws LibvirtException {
        if (conn != lastConnection) {
            release(); // reconnected: handles and counters of the old connection mean nothing now
            lastConnection = conn;
        }
        tick++;
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        int hostCpus = host.info() == null ? 0 : host.info().cpus();
        ConnectionPointer handle = NativeAccess.of(conn);
        double cpuSum = 0;
        int cpuKnown = 0;
        long memorySum = 0;
        int read = 0;
        int count = interest == null ? readAll(handle, groups) : readSome(conn, host, interest, groups);
        Pointer array = count > 0 ? records.getValue() : null;
        try {
            for (int i = 0; i < count; i++) {
                Pointer record = array.getPointer((long) i * Native.POINTER_SIZE);
                double cpu = sampleVm(record, nowNanos, nowMillis, hostCpus);
                if (!Double.isNaN(cpu)) {
                    cpuSum += cpu;
                    cpuKnown++;
                }
                if (reading.memoryUsedKiB > 0) {
                    memorySum += reading.memoryUsedKiB;
                }
                read++;
            }
        } finally {
            if (array != null) {
                StatsNative.INSTANCE.virDomainStatsRecordListFree(array);
            }
        }
        dropStale();
        sampleHost(handle, host, interest == null, cpuKnown > 0 || count == 0 ? cpuSum : Double.NaN, memorySum, nowMillis);
        return read;
    }

    /** Frees the domain handles kept for filtered reads; call on the host thread when done with this host. */
    public void release() {
        for (Domain domain : domainsOfInterest.values()) {
            free(domain);
        }
        domainsOfInterest.clear();
        previous.clear();
    }

    private int readAll(ConnectionPointer handle, int groups) {
        int n = StatsNative.INSTANCE.virConnectGetAllDomainStats(handle, groups, records,
                StatsNative.ONLY_ACTIVE);
        if (n < 0) {
            throw StatsReadException.last("Cannot read the domain stats");
        }
        return n;
    }

    /** virDomainListGetStats on the active VMs of interest; their handles are looked up once and kept. */
    private int readSome(Connect conn, HostSnapshot host, Set<String> interest, int groups) throws LibvirtException {
        List<Pointer> wanted = new ArrayList<>();
        Set<String> keep = new java.util.HashSet<>();
        for (VmInfo vm : host.vms()) {
            if (!vm.state().isActive() || !interest.contains(vm.uuid())) {
                continue;
            }
            keep.add(vm.uuid());
            Domain domain = domainsOfInterest.get(vm.uuid());
            if (domain == null) {
                try {
                    domain = conn.domainLookupByUUIDString(vm.uuid());
                } catch (LibvirtException e) {
                    continue; // undefined since the snapshot: nothing to read
                }
                domainsOfInterest.put(vm.uuid(), domain);
            }
            wanted.add(NativeAccess.of(domain).getPointer());
        }
        Iterator<Map.Entry<String, Domain>> it = domainsOfInterest.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Domain> entry = it.next();
            if (!keep.contains(entry.getKey())) {
                free(entry.getValue());
                it.remove();
            }
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        Pointer[] domains = wanted.toArray(new Pointer[wanted.size() + 1]); // NULL-terminated
        int n = StatsNative.INSTANCE.virDomainListGetStats(domains, groups, records, 0);
        if (n < 0) {
            StatsReadException e = StatsReadException.last("Cannot read the stats of " + wanted.size() + " domains");
            release(); // a domain may have gone; look them up afresh next tick
            throw e;
        }
        return n;
    }

    /** Reads one record into {@link #reading}, appends rates when this host read the VM before; returns CPU %. */
    private double sampleVm(Pointer record, long nowNanos, long nowMillis, int hostCpus) {
        Pointer domain = record.getPointer(0);
        Pointer paramArray = record.getPointer(Native.POINTER_SIZE);
        int nparams = record.getInt(2L * Native.POINTER_SIZE);
        reading.reset();
        reading.readAtNanos = nowNanos;
        if (nparams > 0) {
            paramArray.read(0, params.buffer(nparams), 0, nparams * StatsNative.TYPED_PARAM_SIZE);
            params.parse(nparams, reading);
        }
        if (reading.cpuTimeNs < 0 || reading.memoryUsedKiB < 0) {
            fillFromDomainInfo(domain); // drivers without the cpu/balloon groups (libvirt's test driver)
        }
        if (StatsNative.INSTANCE.virDomainGetUUIDString(domain, uuid) < 0) {
            throw StatsReadException.last("Cannot read a domain's UUID");
        }
        String key = new String(uuid, 0, 36, StandardCharsets.US_ASCII);
        VmCounters before = previous.get(key);
        if (before == null) {
            before = new VmCounters();
            before.copyFrom(reading);
            before.tick = tick;
            previous.put(key, before);
            return Double.NaN; // rates need a second reading
        }
        long wall = nowNanos - before.readAtNanos;
        vmRow[VmMetric.CPU_PERCENT.ordinal()] = Rates.cpuPercent(Rates.delta(before.cpuTimeNs, reading.cpuTimeNs), wall,
                hostCpus);
        vmRow[VmMetric.MEMORY_USED_KIB.ordinal()] = reading.memoryUsedKiB < 0 ? Double.NaN : reading.memoryUsedKiB;
        vmRow[VmMetric.DISK_READ_BPS.ordinal()] = Rates.perSecond(before.readBytes, reading.readBytes, wall);
        vmRow[VmMetric.DISK_WRITE_BPS.ordinal()] = Rates.perSecond(before.writeBytes, reading.writeBytes, wall);
        vmRow[VmMetric.NET_RX_BPS.ordinal()] = Rates.perSecond(before.rxBytes, reading.rxBytes, wall);
        vmRow[VmMetric.NET_TX_BPS.ordinal()] = Rates.perSecond(before.txBytes, reading.txBytes, wall);
        history.appendVm(key, connectionId, nowMillis, vmRow);
        before.copyFrom(reading);
        before.tick = tick;
        return vmRow[VmMetric.CPU_PERCENT.ordinal()];
    }

    private void fillFromDomainInfo(Pointer domain) {
        if (StatsNative.INSTANCE.virDomainGetInfo(domain, domainInfo) < 0) {
            return; // stays unknown
        }
        if (reading.cpuTimeNs < 0) {
            reading.cpuTimeNs = domainInfo.getLong(StatsNative.DOMAIN_INFO_CPU_TIME);
        }
        if (reading.memoryUsedKiB < 0) {
            reading.memoryUsedKiB = domainInfo.getNativeLong(StatsNative.DOMAIN_INFO_MEMORY).longValue();
        }
    }

    /**
     * The host row: node counters where the driver has them; otherwise, when every active VM was read,
     * the sum of the VMs (CPU %, NaN until rates are known) and their memory. Total memory falls back to
     * the node info.
     */
    private void sampleHost(ConnectionPointer handle, HostSnapshot host, boolean readAllVms, double vmCpuSum,
                            long vmMemorySum, long nowMillis) {
        double cpu = node.cpuPercent(handle);
        if (Double.isNaN(cpu) && readAllVms) {
            cpu = Math.min(100.0, vmCpuSum);
        }
        double used = Double.NaN;
        double total = host.info() == null ? Double.NaN : host.info().memoryKiB();
        if (node.memory(handle, memory)) {
            used = memory[0];
            total = memory[1];
        } else if (readAllVms) {
            used = Math.min(vmMemorySum, Double.isNaN(total) ? Long.MAX_VALUE : total);
        }
        hostRow[HostMetric.CPU_PERCENT.ordinal()] = cpu;
        hostRow[HostMetric.MEMORY_USED_KIB.ordinal()] = used;
        hostRow[HostMetric.MEMORY_TOTAL_KIB.ordinal()] = total;
        history.appendHost(connectionId, nowMillis, hostRow);
    }

    private void dropStale() {
        previous.values().removeIf(counters -> tick - counters.tick > STALE_TICKS);
    }

    private static void free(Domain domain) {
        try {
            domain.free();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "freeing a domain failed: {0}", e.getMessage());
        }
    }

    private static final class Native {
        static final int POINTER_SIZE = com.sun.jna.Native.POINTER_SIZE;
    }
}
