package org.vireo.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.store.ConnectionStore;

/**
 * The app's long-lived services, built once at start (no singletons: tests build their own with
 * a temporary config folder).
 */
public final class AppContext implements AutoCloseable {
    private final AppPaths paths;
    private final ConnectionStore store;
    private final Fleet fleet;
    private final ExecutorService io;

    public AppContext(AppPaths paths) {
        this.paths = paths;
        this.store = new ConnectionStore(paths.config());
        // The demo host's test-driver file cannot mark VMs autostart; the wrapped opener does.
        this.fleet = new Fleet(DemoHost.withDemoSetup(HostConnection.Opener.direct()), HostConnection.DEFAULT_POLL_INTERVAL,
                Fleet.DEFAULT_BATCH_INTERVAL, Fleet.DEFAULT_MAX_CONCURRENT_CONNECTS);
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vireo-io");
            t.setDaemon(true);
            return t;
        });
    }

    public AppPaths paths() {
        return paths;
    }

    public ConnectionStore store() {
        return store;
    }

    public Fleet fleet() {
        return fleet;
    }

    /** Disk work (store reads and writes): one thread, so saves stay in order. */
    public ExecutorService io() {
        return io;
    }

    @Override
    public void close() {
        fleet.close();
        io.shutdown();
    }
}
