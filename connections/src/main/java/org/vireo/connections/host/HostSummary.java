package org.vireo.connections.host;

import java.util.List;
import java.util.Objects;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;

/**
 * One host as the host table and host page show it (Ganeti's {@code gnt-node list}): the snapshot's facts and VM
 * counts, plus what only a fresh read tells (free memory, pools, networks). Immutable.
 *
 * @param info          null until the host was first connected
 * @param readAt        when the live figures were read; null when never (host not connected yet)
 * @param freeMemoryKiB -1 when not read or the host cannot tell
 * @param pools         empty when not read
 * @param vmsActive     VMs with a QEMU process (running, paused, …), as the tree counts them
 */
public record HostSummary(String connectionId, String name, ConnectionState state, HostInfo info,
                          java.time.Instant readAt, long freeMemoryKiB,
                          List<StoragePoolInfo> pools, List<NetworkInfo> networks, int vmsActive, int vmsTotal) {
    public HostSummary {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(state, "state");
        pools = List.copyOf(pools);
        networks = List.copyOf(networks);
    }

    /** What the snapshot alone says; the live figures stay unknown until read. */
    public static HostSummary of(HostSnapshot snapshot) {
        return of(snapshot, null, -1, List.of(), List.of());
    }

    public static HostSummary of(HostSnapshot snapshot, java.time.Instant readAt, long freeMemoryKiB,
                                 List<StoragePoolInfo> pools, List<NetworkInfo> networks) {
        int active = (int) snapshot.vms().stream().filter(v -> v.state().isActive()).count();
        String name = snapshot.displayName() == null || snapshot.displayName().isBlank() ? snapshot.uri()
                : snapshot.displayName();
        return new HostSummary(snapshot.connectionId(), name, snapshot.state(), snapshot.info(), readAt, freeMemoryKiB,
                pools, networks, active, snapshot.vms().size());
    }

    /** The newer snapshot's state, facts and counts, keeping this summary's live figures until the next read. */
    public HostSummary withSnapshot(HostSnapshot snapshot) {
        return of(snapshot, readAt, freeMemoryKiB, pools, networks);
    }

    public boolean read() {
        return readAt != null;
    }

    /** 0 before the first connection. */
    public long totalMemoryKiB() {
        return info == null ? 0 : info.memoryKiB();
    }

    /** Sum over the active pools (inactive ones report nothing usable). */
    public long storageTotalBytes() {
        return pools.stream().filter(StoragePoolInfo::active).mapToLong(StoragePoolInfo::capacityBytes).sum();
    }

    public long storageFreeBytes() {
        return pools.stream().filter(StoragePoolInfo::active).mapToLong(StoragePoolInfo::availableBytes).sum();
    }
}
