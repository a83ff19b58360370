package org.vireo.connections.migration;

/** Live moves a running guest without stopping it; offline moves only the definition of a shut-off one. */
public enum MigrationMode {
    LIVE, OFFLINE
}
