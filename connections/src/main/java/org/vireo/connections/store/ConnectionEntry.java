package org.vireo.connections.store;

import java.util.Objects;

/**
 * One saved host connection, as the user configured it. No secrets, ever.
 *
 * @param id          stable identity (a UUID string), survives edits of the other fields
 * @param uri         a libvirt URI exactly as virsh takes it
 * @param name        display name, null to show the URI's host
 * @param group       folder in the host tree, null for top level
 * @param jumpHost    per-connection SSH jump ([user@]host[:port][,more hops]), null for none / ~/.ssh/config
 */
public record ConnectionEntry(String id, String uri, String name, String group, boolean autoconnect,
                              boolean readOnly, String jumpHost) {
    public ConnectionEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
    }

    public static ConnectionEntry of(String uri) {
        return new ConnectionEntry(java.util.UUID.randomUUID().toString(), uri, null, null, false, false, null);
    }
}
