package org.vireo.connections.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One saved host connection, as the user configured it. No secrets, ever.
 *
 * @param id          stable identity (a UUID string), survives edits of the other fields
 * @param uri         a libvirt URI exactly as virsh takes it
 * @param name        display name, null to show the URI's host
 * @param group       folder in the host tree, null for top level
 * @param jumpHost    per-connection SSH jump ([user@]host[:port][,more hops]), null for none / ~/.ssh/config
 * @param maintenance the user evacuated the host: placement and migration skip it until cleared. Written only
 *                    when set, so files without it (schema 1, and 2 before this field) read as "not in maintenance"
 */
public record ConnectionEntry(String id, String uri, String name, String group, boolean autoconnect,
                              boolean readOnly, String jumpHost,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean maintenance) {
    public ConnectionEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
    }

    /** A host not in maintenance. */
    public ConnectionEntry(String id, String uri, String name, String group, boolean autoconnect, boolean readOnly,
                           String jumpHost) {
        this(id, uri, name, group, autoconnect, readOnly, jumpHost, false);
    }

    /** What the host tree shows: the name, else the URI's host ("localhost" for local URIs), else the URI. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return org.vireo.connections.libvirt.LibvirtUri.tryParse(uri)
                .map(org.vireo.connections.libvirt.LibvirtUri::displayHost).orElse(uri);
    }

    public ConnectionEntry withAutoconnect(boolean value) {
        return new ConnectionEntry(id, uri, name, group, value, readOnly, jumpHost, maintenance);
    }

    public ConnectionEntry withMaintenance(boolean value) {
        return new ConnectionEntry(id, uri, name, group, autoconnect, readOnly, jumpHost, value);
    }

    /** @param value folder path in the host tree ({@code parent/child} for a nested one), null for top level */
    public ConnectionEntry withGroup(String value) {
        return new ConnectionEntry(id, uri, name, value, autoconnect, readOnly, jumpHost, maintenance);
    }

    public static ConnectionEntry of(String uri) {
        return new ConnectionEntry(java.util.UUID.randomUUID().toString(), uri, null, null, false, false, null);
    }
}
