package org.vireo.app.main;

import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;

/** What one row of the host tree shows: a group folder, a host, or a VM of a host. */
public sealed interface TreeRow {

    /** Identity that survives snapshot replacement, so selection and expansion stay put. */
    String key();

    record GroupRow(String name) implements TreeRow {
        @Override
        public String key() {
            return "group:" + name;
        }
    }

    record HostRow(HostSnapshot host) implements TreeRow {
        @Override
        public String key() {
            return "host:" + host.connectionId();
        }
    }

    record VmRow(String connectionId, VmInfo vm) implements TreeRow {
        @Override
        public String key() {
            return "vm:" + connectionId + "/" + vm.uuid();
        }
    }
}
