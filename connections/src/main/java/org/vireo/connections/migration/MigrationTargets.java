package org.vireo.connections.migration;

import java.util.List;
import java.util.Optional;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;

/** Which hosts a VM may move to: connected, another host, the same hypervisor. Reads snapshots only. */
public final class MigrationTargets {
    private MigrationTargets() {
    }

    /** Why {@code dest} cannot take VMs from {@code source}, or empty when it can. */
    public static Optional<String> whyNot(HostSnapshot source, HostSnapshot dest) {
        String name = label(dest);
        if (dest.connectionId().equals(source.connectionId())) {
            return Optional.of("the VM is already on " + name);
        }
        if (!dest.state().isConnected()) {
            return Optional.of(name + " is not connected");
        }
        if (!source.state().isConnected()) {
            return Optional.of(label(source) + " is not connected");
        }
        String want = source.info() == null ? null : source.info().hypervisor();
        String have = dest.info() == null ? null : dest.info().hypervisor();
        if (want != null && have != null && !want.equalsIgnoreCase(have)) {
            return Optional.of(name + " runs " + have + ", the VM needs " + want);
        }
        return Optional.empty();
    }

    /** The host's name as the tree shows it, with its own hostname when that says more (local sockets are all "localhost"). */
    public static String label(HostSnapshot host) {
        String shown = host.displayName() != null ? host.displayName() : host.uri();
        String real = host.info() == null ? null : host.info().hostname();
        return real == null || real.isBlank() || real.equals(shown) ? shown : shown + " (" + real + ")";
    }

    /** The hosts of {@code all} that can take VMs from {@code source}, in the given order. */
    public static List<HostConnection> candidates(HostConnection source, List<HostConnection> all) {
        return all.stream().filter(h -> whyNot(source.snapshot(), h.snapshot()).isEmpty()).toList();
    }
}
