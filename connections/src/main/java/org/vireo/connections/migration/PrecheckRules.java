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
        String vm = "'" + source.vmName() + "'";
        if (source.hostId().equals(dest.hostId())
                || (!source.hostUuid().isEmpty() && source.hostUuid().equals(dest.hostUuid()))) {
            problems.add(new PrecheckProblem(Kind.SAME_HOST, vm + " is already on " + dest.hostName()
                    + ": source and destination are the same host"));
            return problems; // every other check would compare the host with itself
        }
        if (!source.hypervisor().equalsIgnoreCase(dest.hypervisor())) {
            problems.add(new PrecheckProblem(Kind.HYPERVISOR_MISMATCH, dest.hostName() + " runs " + dest.hypervisor()
                    + ", " + vm + " needs " + source.hypervisor()));
        }
        if (options.mode() == MigrationMode.LIVE && !source.state().isActive()) {
            problems.add(new PrecheckProblem(Kind.WRONG_STATE, vm + " is not running (" + source.state().name()
                    .toLowerCase(java.util.Locale.ROOT) + "): migrate it offline"));
        }
        if (options.mode() == MigrationMode.OFFLINE && source.state().isActive()) {
            problems.add(new PrecheckProblem(Kind.WRONG_STATE, vm + " is running: migrate it live, or shut it down"
                    + " first"));
        }
        if (options.mode() == MigrationMode.OFFLINE && !source.persistent()) {
            problems.add(new PrecheckProblem(Kind.WRONG_STATE, vm + " has no persistent definition to move"));
        }
        if (dest.vmUuids().contains(source.vmUuid())) {
            problems.add(new PrecheckProblem(Kind.UUID_TAKEN, dest.hostName() + " already has a VM with the UUID "
                    + source.vmUuid()));
        } else if (dest.vmNames().contains(source.vmName())) {
            problems.add(new PrecheckProblem(Kind.NAME_TAKEN, dest.hostName() + " already has a VM named " + vm));
        }
        if (dest.cpu() == CPUCompareResult.VIR_CPU_COMPARE_INCOMPATIBLE) {
            problems.add(new PrecheckProblem(Kind.CPU_INCOMPATIBLE, "the CPU of " + dest.hostName()
                    + " lacks features " + vm + " uses (it runs on " + source.hostName() + "'s CPU model)"));
        }
        if (!dest.missingPaths().isEmpty() && !options.copyStorage()) {
            problems.add(new PrecheckProblem(Kind.DISKS_MISSING, dest.hostName() + " has no storage volume at "
                    + String.join(", ", dest.missingPaths()) + ": choose \"copy storage\" or share the storage"));
        }
        if (options.mode() == MigrationMode.LIVE && source.memoryKiB() * 1024 > dest.freeMemoryBytes()) {
            problems.add(new PrecheckProblem(Kind.NOT_ENOUGH_MEMORY, vm + " needs " + mib(source.memoryKiB() * 1024)
                    + " of memory, " + dest.hostName() + " has " + mib(dest.freeMemoryBytes()) + " free"));
        }
        return problems;
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
