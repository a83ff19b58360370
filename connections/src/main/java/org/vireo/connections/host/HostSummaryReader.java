package org.vireo.connections.host;

import java.util.concurrent.CompletableFuture;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;

/** Reads a {@link HostSummary} on the host's own thread: free memory, pools with volumes, networks. */
public final class HostSummaryReader {
    private HostSummaryReader() {
    }

    /** Fails with the host's message when it is not connected or libvirt refuses. */
    public static CompletableFuture<HostSummary> read(HostConnection host) {
        // The snapshot is taken on the host thread too, so counts and pools describe the same moment.
        return host.call(conn -> read(conn, host.snapshot()));
    }

    public static HostSummary read(Connect conn, HostSnapshot snapshot) throws LibvirtException {
        return HostSummary.of(snapshot, java.time.Instant.now(), FreeMemory.kibOrUnknown(conn), HostFactsReader.pools(conn),
                HostFactsReader.networks(conn));
    }
}
