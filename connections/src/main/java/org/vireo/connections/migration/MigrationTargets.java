package org.vireo.connections.migration;

import java.util.List;
import java.util.Optional;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.resources.Messages;

/** Which hosts a VM may move to: connected, another host, the same hypervisor. Reads snapshots only. */
public final class MigrationTargets {
    private MigrationTargets() {
    }

    /** Why {@code dest} cannot take VMs from {@code source} (in {@code messages}' language), or empty when it can. */
    public static Optional<String> whyNot(HostSnapshot source, HostSnapshot dest, Messages messages) {
        return refusal(source, dest).map(r -> messages.get(r.key(), r.args()));
    }

    /** A refusal as a bundle key and its arguments: a caller that only asks whether there is one formats nothing. */
    private record Refusal(String key, Object... args) {
    }

    private static Optional<Refusal> refusal(HostSnapshot source, HostSnapshot dest) {
        String name = label(dest);
        if (dest.connectionId().equals(source.connectionId())) {
            return Optional.of(new Refusal("target.alreadyThere", name));
        }
        if (!dest.state().isConnected()) {
            return Optional.of(new Refusal("target.notConnected", name));
        }
        if (!source.state().isConnected()) {
            return Optional.of(new Refusal("target.notConnected", label(source)));
        }
        String want = source.info() == null ? null : source.info().hypervisor();
        String have = dest.info() == null ? null : dest.info().hypervisor();
        if (want != null && have != null && !want.equalsIgnoreCase(have)) {
            return Optional.of(new Refusal("target.hypervisor", name, have, want));
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
        return all.stream().filter(h -> refusal(source.snapshot(), h.snapshot()).isEmpty()).toList();
    }
}
