package org.vireo.connections.migration;

import java.util.List;
import java.util.Optional;
import org.vireo.connections.model.VmState;

/**
 * What the pre-checks read on the source host.
 *
 * @param cpuToCompare the guest's custom CPU, or the source host's CPU when the guest uses the host's; empty
 *                     when the guest takes the hypervisor's default model
 */
record SourceFacts(String hostId, String hostName, String hostUuid, String hypervisor, String vmUuid, String vmName,
                   VmState state, boolean persistent, long memoryKiB, Optional<CpuToCompare> cpuToCompare,
                   List<String> diskPaths) {
    SourceFacts {
        diskPaths = List.copyOf(diskPaths);
    }
}
