package org.vireo.connections.model;

/**
 * Static facts about a host, read once per connection.
 *
 * @param hypervisor libvirt driver type as reported by virConnectGetType ("QEMU", "Xen", "TEST")
 * @param hypervisorVersion e.g. "7.2.0"; libvirtVersion the daemon's, e.g. "9.0.0"
 */
public record HostInfo(String hostname, String hypervisor, String hypervisorVersion, String libvirtVersion,
                       String cpuModel, int cpus, int sockets, int cores, int threads, long memoryKiB) {
}
