package org.vireo.connections.host;

import java.util.List;

/**
 * One storage pool of the host.
 *
 * @param type            libvirt's pool type (dir, logical, netfs, …)
 * @param allocationBytes bytes in use as libvirt reports them (0 for inactive pools)
 * @param availableBytes  free bytes as libvirt reports them (0 for inactive pools)
 */
public record StoragePoolInfo(String name, String type, boolean active, long capacityBytes, long allocationBytes,
                              long availableBytes, List<StorageVolumeInfo> volumes) {
    public StoragePoolInfo {
        volumes = List.copyOf(volumes);
    }
}
