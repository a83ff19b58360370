package org.vireo.connections.host;

/** One volume of a pool: its name, its path on the host, its size in bytes. */
public record StorageVolumeInfo(String pool, String name, String path, long capacityBytes) {
}
