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

    /** equals and hashCode are written out, as HostSnapshot's are: JavaFX compares row items on every cell update. */
    record HostRow(HostSnapshot host) implements TreeRow {
        @Override
        public String key() {
            return "host:" + host.connectionId();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HostRow that && java.util.Objects.equals(host, that.host);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(host);
        }
    }

    /** equals and hashCode written out, as HostRow's. */
    record VmRow(String connectionId, VmInfo vm) implements TreeRow {
        @Override
        public String key() {
            return "vm:" + connectionId + "/" + vm.uuid();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof VmRow that && java.util.Objects.equals(vm, that.vm)
                    && java.util.Objects.equals(connectionId, that.connectionId);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(connectionId) + java.util.Objects.hashCode(vm);
        }
    }
}
