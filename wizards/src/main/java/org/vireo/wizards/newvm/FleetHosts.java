package org.vireo.wizards.newvm;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.host.FreeMemory;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.HostFactsReader;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/** The wizard's hosts are the fleet's connected hosts; every libvirt read goes through the host's own thread. */
public final class FleetHosts implements NewVmHosts {
    private final Fleet fleet;
    private final Messages messages;
    private final TreeHttp.Limits treeLimits;
    private final java.util.function.Predicate<String> inMaintenance;

    /**
     * @param messages      the language of the install job's steps and errors
     * @param inMaintenance by connection id: hosts the user evacuated, which "least loaded" never picks
     */
    public FleetHosts(Fleet fleet, Messages messages, TreeHttp.Limits treeLimits,
                      java.util.function.Predicate<String> inMaintenance) {
        this.fleet = fleet;
        this.messages = messages;
        this.treeLimits = treeLimits;
        this.inMaintenance = inMaintenance;
    }

    public FleetHosts(Fleet fleet, Messages messages, java.util.function.Predicate<String> inMaintenance) {
        this(fleet, messages, TreeHttp.Limits.standard(), inMaintenance);
    }

    public FleetHosts(Fleet fleet, Messages messages) {
        this(fleet, messages, id -> false);
    }

    @Override
    public List<HostRef> connectedHosts() {
        return fleet.hosts().stream().filter(h -> h.snapshot().state().isConnected())
                .map(h -> new HostRef(h.id(), h.displayName())).toList();
    }

    @Override
    public List<HostRef> placementHosts() {
        return connectedHosts().stream().filter(h -> !inMaintenance.test(h.id())).toList();
    }

    private HostConnection host(String id) {
        return fleet.get(id).orElseThrow(() -> new IllegalArgumentException("no host with id " + id));
    }

    @Override
    public CompletableFuture<HostFacts> facts(String hostId) {
        return HostFactsReader.read(host(hostId));
    }

    /** Free memory now; CPU load as the running guests' vCPUs over the host's CPUs (monitoring can refine it). */
    @Override
    public CompletableFuture<HostLoad> load(String hostId) {
        HostConnection host = host(hostId);
        return host.call(conn -> {
            long freeKiB = FreeMemory.kibOrEstimate(conn);
            HostSnapshot snapshot = host.snapshot();
            int cpus = snapshot.info() != null ? snapshot.info().cpus() : conn.nodeInfo().cpus;
            int busyVcpus = snapshot.vms().stream().filter(vm -> vm.state().isActive()).mapToInt(VmInfo::vcpus).sum();
            return new HostLoad(hostId, host.displayName(), freeKiB, cpus, cpus == 0 ? 1.0 : (double) busyVcpus / cpus);
        });
    }

    @Override
    public CompletableFuture<NewVmJob.Created> create(VmDraft draft, String domainXml, CancelToken cancel,
                                                      Consumer<String> progress) {
        HostConnection host = host(draft.hostId());
        return new NewVmJob(host, draft, domainXml, messages, new TreeHttp(treeLimits, messages)).run(cancel, progress)
                .thenCompose(created -> host.refresh().handle((ok, e) -> created)); // the tree shows it at once
    }

    @Override
    public CompletableFuture<TreeMedia> readTree(String url, String arch, boolean xenPv, Messages language) {
        return NetworkInstall.detect(url, arch, xenPv, new TreeHttp(treeLimits, language), language);
    }

    @Override
    public CompletableFuture<IsoUpload.Uploaded> upload(String hostId, java.nio.file.Path file, String pool,
                                                        String volume, CancelToken cancel,
                                                        java.util.function.LongConsumer sent) {
        return new IsoUpload(host(hostId), file, pool, volume, messages).run(cancel, sent);
    }
}
