package org.vireo.connections.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vireo.resources.Text;

/**
 * What was tried on a VM, as a bundle key ("vm.cannot.start": "Cannot start ''{0}'' on {1}") whose values are the
 * VM's name, the host's name and then {@code more} (a snapshot's name), so a failure reads in the user's language.
 */
public record VmAction(String key, List<String> more) {
    public VmAction {
        Objects.requireNonNull(key, "key");
        more = List.copyOf(more);
    }

    public static VmAction of(String key, String... more) {
        return new VmAction(key, List.of(more));
    }

    /** "Cannot start 'web1' on host-a" for {@code vm} on {@code host}. */
    public Text on(String vm, String host) {
        List<Object> values = new ArrayList<>(List.of(vm, host));
        values.addAll(more);
        return Text.of(key, values.toArray());
    }
}
