package org.vireo.connections.migration;

import java.util.List;
import java.util.Set;
import org.libvirt.CPUCompareResult;

/**
 * What the pre-checks read on the destination host.
 *
 * @param cpu          the destination's verdict on the source CPU, null when there was nothing to compare
 * @param missingPaths the source's disk paths the destination has no volume for
 */
record DestinationFacts(String hostId, String hostName, String hostUuid, String hypervisor, Set<String> vmNames,
                        Set<String> vmUuids, long freeMemoryBytes, CPUCompareResult cpu, List<String> missingPaths) {
    DestinationFacts {
        vmNames = Set.copyOf(vmNames);
        vmUuids = Set.copyOf(vmUuids);
        missingPaths = List.copyOf(missingPaths);
    }
}
