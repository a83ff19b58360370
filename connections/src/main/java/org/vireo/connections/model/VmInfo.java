package org.vireo.connections.model;

import java.util.Objects;

/**
 * Immutable snapshot of one VM as last seen on its host.
 *
 * @param uuid         libvirt UUID string, the VM's identity across hosts (migration keeps it)
 * @param memoryKiB    current memory (balloon) in KiB
 * @param maxMemoryKiB maximum memory in KiB
 * @param cpuTimeNs    cumulative CPU time in ns (0 when not running)
 */
public record VmInfo(String uuid, String name, VmState state, int vcpus, long memoryKiB, long maxMemoryKiB,
                     long cpuTimeNs, boolean persistent, boolean autostart) {
    public VmInfo {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    // Written out, as HostSnapshot's (see there).
    @Override
    public boolean equals(Object other) {
        return other instanceof VmInfo that && state == that.state && vcpus == that.vcpus
                && memoryKiB == that.memoryKiB && maxMemoryKiB == that.maxMemoryKiB && cpuTimeNs == that.cpuTimeNs
                && persistent == that.persistent && autostart == that.autostart && uuid.equals(that.uuid)
                && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, name, state, vcpus, memoryKiB, maxMemoryKiB, cpuTimeNs, persistent, autostart);
    }
}
