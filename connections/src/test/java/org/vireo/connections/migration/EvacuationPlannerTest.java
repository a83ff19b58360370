package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vireo.connections.migration.EvacuationPlanner.Capacity;
import org.vireo.connections.migration.EvacuationPlanner.Move;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;

class EvacuationPlannerTest {
    private static VmInfo vm(String name, long mib) {
        return new VmInfo(name + "-uuid", name, VmState.RUNNING, 1, mib * 1024, mib * 1024, 0, true, false);
    }

    private static List<String> targets(List<Move> plan) {
        return plan.stream().map(m -> m.vm().name() + "->" + m.targetId().orElse("none")).toList();
    }

    @Test
    void biggestFirstEachToTheHostWithTheMostMemoryLeft() {
        List<Move> plan = EvacuationPlanner.plan(List.of(vm("small", 512), vm("big", 4096), vm("mid", 2048)),
                List.of(new Capacity("b", 6 * 1024 * 1024, 0), new Capacity("c", 5 * 1024 * 1024, 0)));
        assertEquals(List.of("big->b", "mid->c", "small->c"), targets(plan));
    }

    @Test
    void aVmThatFitsNowhereHasNoTarget() {
        List<Move> plan = EvacuationPlanner.plan(List.of(vm("huge", 8192)), List.of(new Capacity("b", 1024 * 1024, 0)));
        assertEquals(List.of(new Move(vm("huge", 8192), Optional.empty())), plan);
    }

    @Test
    void equalMemoryGoesToTheLessLoadedHost() {
        List<Move> plan = EvacuationPlanner.plan(List.of(vm("a", 512)),
                List.of(new Capacity("busy", 1024 * 1024, 3.0), new Capacity("idle", 1024 * 1024, 0.5)));
        assertEquals(List.of("a->idle"), targets(plan));
    }
}
