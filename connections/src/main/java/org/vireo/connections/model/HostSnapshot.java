package org.vireo.connections.model;

import java.util.List;
import java.util.Objects;
import org.vireo.resources.Text;

/**
 * Immutable picture of one host at one moment: what the UI renders. A new snapshot replaces the
 * old one whole; nothing in it ever changes.
 *
 * @param connectionId the saved connection's id (stable across renames of the URI's display name)
 * @param reason       why for LOST/DISCONNECTED, in any language (null when connected)
 * @param info         null until the first successful connection
 */
public record HostSnapshot(String connectionId, String uri, String displayName, ConnectionState state,
                           Text reason, HostInfo info, List<VmInfo> vms) {
    public HostSnapshot {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(state, "state");
        vms = List.copyOf(vms);
    }

    public HostSnapshot withState(ConnectionState newState, Text newReason) {
        return new HostSnapshot(connectionId, uri, displayName, newState, newReason, info, vms);
    }
}
