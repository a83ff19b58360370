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

    /*
     * equals and hashCode are written out: a record's generated ones are linked through method handles on first use
     * and re-spun as they warm up, and the host tree compares snapshots on every cell update (JavaFX compares the row
     * items), so those costs fell on the window's thread in the pulse that first shows VM rows. WrittenOutEqualsTest
     * (app) checks them against the record's components.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof HostSnapshot that && state == that.state && connectionId.equals(that.connectionId)
                && uri.equals(that.uri) && Objects.equals(displayName, that.displayName)
                && Objects.equals(reason, that.reason) && Objects.equals(info, that.info) && vms.equals(that.vms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionId, uri, displayName, state, reason, info, vms);
    }

    public HostSnapshot withState(ConnectionState newState, Text newReason) {
        return new HostSnapshot(connectionId, uri, displayName, newState, newReason, info, vms);
    }
}
