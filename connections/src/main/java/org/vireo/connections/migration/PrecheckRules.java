package org.vireo.connections.migration;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.CPUCompareResult;
import org.vireo.connections.migration.PrecheckProblem.Kind;

/** Decides from the facts read on both hosts whether a migration may start; pure, so tested without hosts. */
final class PrecheckRules {
    private PrecheckRules() {
    }

    static List<PrecheckProblem> evaluate(SourceFacts source, DestinationFacts dest, MigrationOptions options) {
        List<PrecheckProblem> problems = new ArrayList<>();
        String vm = source.vmName();
        if (source.hostId().equals(dest.hostId())
                || (!source.hostUuid().isEmpty() && source.hostUuid().equals(dest.hostUuid()))) {
            problems.add(PrecheckProblem.of(Kind.SAME_HOST, "precheck.alreadyThere", vm, dest.hostName()));
            return problems; // every other check would compare the host with itself
        }
        if (!source.hypervisor().equalsIgnoreCase(dest.hypervisor())) {
            problems.add(PrecheckProblem.of(Kind.HYPERVISOR_MISMATCH, "precheck.hypervisor", dest.hostName(),
                    dest.hypervisor(), vm, source.hypervisor()));
        }
        if (options.mode() == MigrationMode.LIVE && !source.state().isActive()) {
            problems.add(PrecheckProblem.of(Kind.WRONG_STATE, "precheck.notRunning", vm,
                    source.state().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (options.mode() == MigrationMode.OFFLINE && source.state().isActive()) {
            problems.add(PrecheckProblem.of(Kind.WRONG_STATE, "precheck.running", vm));
        }
        if (options.mode() == MigrationMode.OFFLINE && !source.persistent()) {
            problems.add(PrecheckProblem.of(Kind.WRONG_STATE, "precheck.transient", vm));
        }
        if (dest.vmUuids().contains(source.vmUuid())) {
            problems.add(PrecheckProblem.of(Kind.UUID_TAKEN, "precheck.uuidTaken", dest.hostName(), source.vmUuid()));
        } else if (dest.vmNames().contains(source.vmName())) {
            problems.add(PrecheckProblem.of(Kind.NAME_TAKEN, "precheck.nameTaken", dest.hostName(), vm));
        }
        if (dest.cpu() == CPUCompareResult.VIR_CPU_COMPARE_INCOMPATIBLE) {
            problems.add(PrecheckProblem.of(Kind.CPU_INCOMPATIBLE, "precheck.cpu", dest.hostName(), vm,
                    source.hostName()));
        }
        if (!dest.missingPaths().isEmpty() && !options.copyStorage()) {
            problems.add(PrecheckProblem.of(Kind.DISKS_MISSING, "precheck.disksMissing", dest.hostName(),
                    String.join(", ", dest.missingPaths())));
        }
        if (options.mode() == MigrationMode.LIVE && source.memoryKiB() * 1024 > dest.freeMemoryBytes()) {
            problems.add(PrecheckProblem.of(Kind.NOT_ENOUGH_MEMORY, "precheck.memory", vm,
                    source.memoryKiB() * 1024 / MIB, dest.hostName(), dest.freeMemoryBytes() / MIB));
        }
        return problems;
    }

    private static final long MIB = 1024 * 1024;
}
