package org.vireo.connections.model;

import java.util.Objects;

/**
 * Static facts about a host, read once per connection.
 *
 * @param hypervisor libvirt driver type as reported by virConnectGetType ("QEMU", "Xen", "TEST")
 * @param hypervisorVersion e.g. "7.2.0"; libvirtVersion the daemon's, e.g. "9.0.0"
 */
public record HostInfo(String hostname, String hypervisor, String hypervisorVersion, String libvirtVersion,
                       String cpuModel, int cpus, int sockets, int cores, int threads, long memoryKiB) {
    // Written out, as HostSnapshot's (see there).
    @Override
    public boolean equals(Object other) {
        return other instanceof HostInfo that && cpus == that.cpus && sockets == that.sockets && cores == that.cores
                && threads == that.threads && memoryKiB == that.memoryKiB && Objects.equals(hostname, that.hostname)
                && Objects.equals(hypervisor, that.hypervisor) && Objects.equals(hypervisorVersion, that.hypervisorVersion)
                && Objects.equals(libvirtVersion, that.libvirtVersion) && Objects.equals(cpuModel, that.cpuModel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, hypervisor, hypervisorVersion, libvirtVersion, cpuModel, cpus, sockets, cores,
                threads, memoryKiB);
    }
}
