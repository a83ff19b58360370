package org.vireo.wizards.newvm;

import java.util.concurrent.CompletableFuture;

/**
 * Where placement learns how loaded a host is. {@link FleetHosts} reads free memory and the running guests'
 * vCPUs now; the monitoring data can replace it behind this interface later.
 */
@FunctionalInterface
public interface HostLoadSource {
    CompletableFuture<HostLoad> load(String hostId);
}
