package org.vireo.connections.host;

/**
 * One volume of a pool: its name, its path on the host, its size in bytes.
 *
 * @param allocationBytes bytes the volume takes in its pool now (less than capacity for sparse files)
 */
public record StorageVolumeInfo(String pool, String name, String path, long capacityBytes, long allocationBytes) {
    /** A volume known to be fully written (e.g. just uploaded). */
    public StorageVolumeInfo(String pool, String name, String path, long capacityBytes) {
        this(pool, name, path, capacityBytes, capacityBytes);
    }
}
