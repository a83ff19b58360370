package org.vireo.app.main;

import java.util.Locale;
import java.util.function.Function;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;

/**
 * The tree's search: a text matched (case-insensitively) against a VM's name and state and its host's and
 * group's names, and a "running only" toggle. Matching VMs are shown with their host and group.
 */
public record InventoryFilter(String query, boolean runningOnly) {
    public static final InventoryFilter NONE = new InventoryFilter("", false);

    public InventoryFilter {
        query = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    // Written out, as HostSnapshot's: the generated equals, linked on its first call, took 7-14 ms of the window's
    // thread in the tree's first update.
    @Override
    public boolean equals(Object other) {
        return other instanceof InventoryFilter that && runningOnly == that.runningOnly && query.equals(that.query);
    }

    @Override
    public int hashCode() {
        return 31 * query.hashCode() + Boolean.hashCode(runningOnly);
    }

    public boolean isActive() {
        return !query.isEmpty() || runningOnly;
    }

    /** Whether the VM row is shown; {@code stateLabel} gives the state as the tree shows it. */
    public boolean showsVm(HostSnapshot host, String group, VmInfo vm, Function<VmState, String> stateLabel) {
        if (runningOnly && !vm.state().isActive()) {
            return false;
        }
        return query.isEmpty() || contains(vm.name()) || contains(stateLabel.apply(vm.state()))
                || contains(vm.state().name()) || hostMatches(host, group);
    }

    /** Whether the host itself matches the text (then all its VMs that pass "running only" are shown). */
    public boolean hostMatches(HostSnapshot host, String group) {
        return !query.isEmpty() && (contains(MainViewModel.sortName(host)) || contains(host.uri()) || contains(group));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(query);
    }
}
