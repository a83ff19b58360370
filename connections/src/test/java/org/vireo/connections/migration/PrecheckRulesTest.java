package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.libvirt.CPUCompareResult;
import org.vireo.connections.migration.PrecheckProblem.Kind;
import org.vireo.connections.model.VmState;

class PrecheckRulesTest {
    private static final long MIB = 1024 * 1024;

    private static SourceFacts source(VmState state, List<String> disks) {
        return new SourceFacts("a", "hosta", "uuid-a", "QEMU", "vm-uuid", "web1", state, true, 512 * 1024,
                Optional.empty(), disks);
    }

    private static DestinationFacts dest(Set<String> names, Set<String> uuids, long free, CPUCompareResult cpu,
                                         List<String> missing) {
        return new DestinationFacts("b", "hostb", "uuid-b", "QEMU", names, uuids, free, cpu, missing);
    }

    private static List<Kind> kinds(List<PrecheckProblem> problems) {
        return problems.stream().map(PrecheckProblem::kind).toList();
    }

    private static final MigrationOptions LIVE = MigrationOptions.defaults(MigrationMode.LIVE);

    @Test
    void aRunningGuestWithRoomOnTheDestinationPasses() {
        assertEquals(List.of(), PrecheckRules.evaluate(source(VmState.RUNNING, List.of()),
                dest(Set.of("other"), Set.of("x"), 4096 * MIB, CPUCompareResult.VIR_CPU_COMPARE_IDENTICAL, List.of()), LIVE));
    }

    @Test
    void theSameHostUnderAnotherConnectionIsRefusedAlone() {
        DestinationFacts same = new DestinationFacts("b", "hostb", "uuid-a", "QEMU", Set.of("web1"), Set.of("vm-uuid"), 0,
                null, List.of());
        assertEquals(List.of(Kind.SAME_HOST), kinds(PrecheckRules.evaluate(source(VmState.RUNNING, List.of()), same, LIVE)));
    }

    @Test
    void everyOtherProblemIsListedWithItsReason() {
        List<PrecheckProblem> problems = PrecheckRules.evaluate(source(VmState.RUNNING, List.of("/var/lib/libvirt/images/web1.qcow2")),
                dest(Set.of("web1"), Set.of(), 100 * MIB, CPUCompareResult.VIR_CPU_COMPARE_INCOMPATIBLE,
                        List.of("/var/lib/libvirt/images/web1.qcow2")), LIVE);
        assertEquals(List.of(Kind.NAME_TAKEN, Kind.CPU_INCOMPATIBLE, Kind.DISKS_MISSING, Kind.NOT_ENOUGH_MEMORY), kinds(problems));
        assertEquals("hostb already has a VM named 'web1'", problems.get(0).message());
        assertTrue(problems.get(2).message().contains("/var/lib/libvirt/images/web1.qcow2"), problems.get(2).message());
        assertEquals("'web1' needs 512 MiB of memory, hostb has 100 MiB free", problems.get(3).message());
        assertEquals("the CPU of hostb lacks features 'web1' uses (it runs on hosta's CPU model)",
                problems.get(1).message());

        org.vireo.resources.Messages french = new org.vireo.resources.Messages(java.util.Locale.FRENCH);
        assertEquals("hostb a d\u00e9j\u00e0 une machine virtuelle nomm\u00e9e \u00ab\u00a0web1\u00a0\u00bb",
                problems.get(0).message(french));
        assertEquals("\u00ab\u00a0web1\u00a0\u00bb a besoin de 512 Mio de m\u00e9moire, hostb n\u2019en a que 100 Mio"
                + " de libres", problems.get(3).message(french));
    }

    @Test
    void copyStorageAcceptsMissingDisks() {
        MigrationOptions copy = new MigrationOptions(MigrationMode.LIVE, true, true, true, MigrationTransport.DIRECT,
                null, null, 0, 0, false, false);
        assertEquals(List.of(), PrecheckRules.evaluate(source(VmState.RUNNING, List.of("/img/a.qcow2")),
                dest(Set.of(), Set.of(), 4096 * MIB, null, List.of("/img/a.qcow2")), copy));
    }

    @Test
    void theModeMustMatchTheState() {
        assertEquals(List.of(Kind.WRONG_STATE), kinds(PrecheckRules.evaluate(source(VmState.SHUTOFF, List.of()),
                dest(Set.of(), Set.of(), 4096 * MIB, null, List.of()), LIVE)));
        assertEquals(List.of(Kind.WRONG_STATE), kinds(PrecheckRules.evaluate(source(VmState.RUNNING, List.of()),
                dest(Set.of(), Set.of(), 4096 * MIB, null, List.of()), MigrationOptions.defaults(MigrationMode.OFFLINE))));
    }

    @Test
    void anOfflineGuestNeedsNoFreeMemoryAndTheUuidWinsOverTheName() {
        assertEquals(List.of(Kind.UUID_TAKEN), kinds(PrecheckRules.evaluate(source(VmState.SHUTOFF, List.of()),
                dest(Set.of("web1"), Set.of("vm-uuid"), 0, null, List.of()), MigrationOptions.defaults(MigrationMode.OFFLINE))));
    }
}
