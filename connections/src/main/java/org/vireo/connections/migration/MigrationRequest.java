package org.vireo.connections.migration;

import java.util.Objects;
import org.vireo.connections.libvirt.HostConnection;

/** One VM (by UUID, its identity on every host) to move from one connected host to another. */
public record MigrationRequest(String vmUuid, HostConnection source, HostConnection destination,
                               MigrationOptions options) {
    public MigrationRequest {
        Objects.requireNonNull(vmUuid, "vmUuid");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(options, "options");
    }

    /** The VM's name as the source last saw it, else its UUID. */
    public String vmName() {
        return source.snapshot().vms().stream().filter(v -> v.uuid().equals(vmUuid)).map(v -> v.name())
                .findFirst().orElse(vmUuid);
    }
}
