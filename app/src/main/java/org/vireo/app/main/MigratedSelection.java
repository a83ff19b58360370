package org.vireo.app.main;

import java.util.Map;
import java.util.Optional;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;

/**
 * Follows a selected VM that moved to another host (a migration, whoever started it): it is no longer active on
 * its connected host, and the same UUID is active on another one. Pure; the ViewModel decides when to ask.
 */
final class MigratedSelection {
    private MigratedSelection() {
    }

    /** True when the VM's own host lists it as active (running, paused, …). */
    static boolean runsOnItsHost(TreeRow.VmRow row, Map<String, HostSnapshot> hosts) {
        HostSnapshot host = hosts.get(row.connectionId());
        return host != null && host.vms().stream().anyMatch(v -> v.uuid().equals(row.vm().uuid()) && v.state().isActive());
    }

    /** True when the VM's host is connected and no longer runs it (gone, or shut off after the move). */
    static boolean leftItsHost(TreeRow.VmRow was, Map<String, HostSnapshot> hosts) {
        HostSnapshot host = hosts.get(was.connectionId());
        return host != null && host.state().isConnected() && !runsOnItsHost(was, hosts);
    }

    /** The row of the VM under the other host that now runs it, if one does. */
    static Optional<TreeRow.VmRow> newRow(TreeRow.VmRow was, Map<String, HostSnapshot> hosts) {
        for (HostSnapshot host : hosts.values()) {
            if (host.connectionId().equals(was.connectionId()) || !host.state().isConnected()) {
                continue;
            }
            for (VmInfo vm : host.vms()) {
                if (vm.uuid().equals(was.vm().uuid()) && vm.state().isActive()) {
                    return Optional.of(new TreeRow.VmRow(host.connectionId(), vm));
                }
            }
        }
        return Optional.empty();
    }
}
