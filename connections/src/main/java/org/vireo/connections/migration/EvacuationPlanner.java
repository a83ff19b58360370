package org.vireo.connections.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vireo.connections.model.VmInfo;

/**
 * Spreads a host's running VMs over other hosts: biggest VM first, each to the target with the most free
 * memory left after what the plan already put there, ties broken by the lower load (vCPUs per host CPU).
 * A VM that fits nowhere gets no target. Pure: the caller reads free memory and load.
 */
public final class EvacuationPlanner {
    /** A host that can take VMs, with what it had free when the plan was made. */
    public record Capacity(String connectionId, long freeMemoryKiB, double load) {
    }

    /** One line of the plan; {@code targetId} empty when no host can take the VM. */
    public record Move(VmInfo vm, Optional<String> targetId) {
    }

    private EvacuationPlanner() {
    }

    public static List<Move> plan(List<VmInfo> running, List<Capacity> targets) {
        Map<String, Long> free = new HashMap<>();
        Map<String, Double> load = new HashMap<>();
        targets.forEach(t -> {
            free.put(t.connectionId(), t.freeMemoryKiB());
            load.put(t.connectionId(), t.load());
        });
        List<VmInfo> order = new ArrayList<>(running);
        order.sort(Comparator.comparingLong(VmInfo::memoryKiB).reversed().thenComparing(VmInfo::name));
        List<Move> moves = new ArrayList<>();
        for (VmInfo vm : order) {
            Optional<String> best = targets.stream().map(Capacity::connectionId)
                    .filter(id -> free.get(id) >= vm.memoryKiB())
                    .max(Comparator.<String>comparingLong(id -> free.get(id) - vm.memoryKiB())
                            .thenComparing(id -> -load.get(id)));
            best.ifPresent(id -> free.merge(id, -vm.memoryKiB(), Long::sum));
            moves.add(new Move(vm, best));
        }
        return moves;
    }
}
