package org.vireo.wizards.newvm;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vireo.connections.host.HostFacts;

/** What the wizard needs from the fleet; {@link FleetHosts} is the real one. Futures complete off the FX thread. */
public interface NewVmHosts extends HostLoadSource {
    record HostRef(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Hosts that are connected now, in the order the user sees them. */
    List<HostRef> connectedHosts();

    /** The connected hosts "least loaded" may choose from: hosts in maintenance are left out. */
    default List<HostRef> placementHosts() {
        return connectedHosts();
    }

    CompletableFuture<HostFacts> facts(String hostId);

    CompletableFuture<NewVmJob.Created> create(VmDraft draft, String domainXml, CancelToken cancel,
                                               Consumer<String> progress);

    /** Reads the distribution tree at {@code url} (off the FX thread): its installer kernel, initrd and OS. */
    CompletableFuture<TreeMedia> readTree(String url, String arch, boolean xenPv,
                                          org.vireo.resources.Messages messages);

    /** Uploads a local file into {@code pool} as {@code volume}; {@code sent} hears the bytes sent so far. */
    CompletableFuture<IsoUpload.Uploaded> upload(String hostId, java.nio.file.Path file, String pool, String volume,
                                                 CancelToken cancel, java.util.function.LongConsumer sent);
}
