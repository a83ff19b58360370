package org.vireo.connections.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a host offers a new VM, read from the host itself at one moment.
 *
 * @param domainCapabilities per virt type of the default arch; empty where the driver has no such call
 * @param bridges            host bridges libvirt's interface driver reports (may be empty: the user can type one)
 * @param domainNames        every defined or running domain's name (a new VM must not reuse one)
 */
public record HostFacts(String hostName, HostCapabilities capabilities,
                        Map<VirtType, DomainCapabilities> domainCapabilities, List<StoragePoolInfo> pools,
                        List<NetworkInfo> networks, List<String> bridges, long freeMemoryKiB, long totalMemoryKiB,
                        int cpus, Set<String> domainNames) {
    public HostFacts {
        domainCapabilities = Map.copyOf(domainCapabilities);
        pools = List.copyOf(pools);
        networks = List.copyOf(networks);
        bridges = List.copyOf(bridges);
        domainNames = Set.copyOf(domainNames);
    }

    public Optional<DomainCapabilities> domainCapabilities(VirtType type) {
        return Optional.ofNullable(domainCapabilities.get(type));
    }

    public Optional<StoragePoolInfo> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The same facts with one more volume in its pool (e.g. just uploaded), without asking the host again. */
    public HostFacts withVolume(StorageVolumeInfo volume) {
        List<StoragePoolInfo> updated = pools.stream().map(p -> {
            if (!p.name().equals(volume.pool())) {
                return p;
            }
            List<StorageVolumeInfo> vols = new java.util.ArrayList<>(p.volumes());
            vols.add(volume);
            return new StoragePoolInfo(p.name(), p.type(), p.active(), p.capacityBytes(),
                    p.allocationBytes() + volume.allocationBytes(),
                    Math.max(0, p.availableBytes() - volume.capacityBytes()), vols);
        }).toList();
        return new HostFacts(hostName, capabilities, domainCapabilities, updated, networks, bridges, freeMemoryKiB,
                totalMemoryKiB, cpus, domainNames);
    }

    /** Volumes of every active pool, e.g. to pick an ISO or a disk to import. */
    public List<StorageVolumeInfo> volumes() {
        return pools.stream().filter(StoragePoolInfo::active).flatMap(p -> p.volumes().stream()).toList();
    }
}
