package org.vireo.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.vireo.app.ssh.BatchHostKeyPrompt;
import org.vireo.app.console.ConsoleServices;
import org.vireo.app.prefs.LivePreferences;
import org.vireo.app.prefs.Preferences;
import org.vireo.app.prefs.PreferencesStore;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.connections.stats.StatsHistory;
import org.vireo.connections.stats.StatsPoller;

/**
 * The app's long-lived services, built once at start (no singletons: tests build their own with
 * a temporary config folder and SSH settings).
 */
public final class AppContext implements AutoCloseable {
    private final AppPaths paths;
    private final ConnectionStore store;
    private final SshSessions sshSessions;
    private final Fleet fleet;
    private final ExecutorService io;
    private final BatchHostKeyPrompt hostKeys;
    private final ConsoleServices consoles;
    private final StatsPoller stats;
    private final LivePreferences preferences;

    /**
     * This user's ~/.ssh, with non-interactive prompts: unknown host keys refused, no secrets asked. The window
     * passes its dialogs through the other constructor.
     */
    public AppContext(AppPaths paths) {
        this(paths, SshSettings.fromSystem(), HostKeyPrompt.refuseUnknown(), AuthPrompt.none());
    }

    /** @param hostKeys, auth asked on connecting threads (never the FX thread): dialogs in the window */
    public AppContext(AppPaths paths, SshSettings ssh, HostKeyPrompt hostKeys, AuthPrompt auth) {
        this(paths, ssh, hostKeys, auth, null);
    }

    /** @param readPreferences read already (the app needs their language before its prompts), or null to read them here */
    public AppContext(AppPaths paths, SshSettings ssh, HostKeyPrompt hostKeys, AuthPrompt auth,
                      LivePreferences readPreferences) {
        this.paths = paths;
        this.store = new ConnectionStore(paths.config());
        // Imports gather their hosts' unknown keys into one review; single connects ask as before.
        this.hostKeys = new BatchHostKeyPrompt(hostKeys);
        this.sshSessions = new SshSessions(ssh, this.hostKeys, auth);
        // The demo host's test-driver file cannot mark VMs autostart; the wrapped opener does.
        HostConnection.Opener opener = DemoHost.withDemoSetup(OpenerByTransport.standard(sshSessions));
        this.fleet = new Fleet(opener, HostConnection.DEFAULT_POLL_INTERVAL, Fleet.DEFAULT_BATCH_INTERVAL,
                Fleet.DEFAULT_MAX_CONCURRENT_CONNECTS, ReconnectPolicy.DEFAULT);
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vireo-io");
            t.setDaemon(true);
            return t;
        });
        this.preferences = readPreferences != null ? readPreferences
                : LivePreferences.load(new PreferencesStore(paths.config()), io);
        Preferences.Stats saved = preferences.get().stats();
        java.time.Duration interval = statsInterval(saved.interval());
        // The history is sized once: a new length applies at the next start; the interval and groups at once.
        this.stats = new StatsPoller(fleet, new StatsHistory(StatsHistory.capacityFor(saved.history(), interval)),
                interval);
        stats.setCollected(saved.collect());
        preferences.property().addListener((o, was, now) -> {
            if (!now.stats().equals(was.stats())) {
                stats.setInterval(now.stats().interval());
                stats.setCollected(now.stats().collect());
            }
        });
        this.consoles = ConsoleServices.create(fleet, sshSessions, auth,
                new org.vireo.vnc.CertificatePins(paths.state().resolve("vnc-certificates")),
                view -> preferences.get().console().applyTo(view));
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

    /** The shared SSH sessions (VNC tunnels and remote commands use the host's session from here). */
    public SshSessions sshSessions() {
        return sshSessions;
    }

    /** Unknown host keys of an import batch, gathered for one review. */
    public BatchHostKeyPrompt hostKeyBatches() {
        return hostKeys;
    }

    /** VM consoles: their opener (over the hosts' SSH sessions), password prompt and worker threads. */
    public ConsoleServices consoles() {
        return consoles;
    }

    /** Stats of every connected host, sampled on each host's own thread; started by the window. */
    public StatsPoller stats() {
        return stats;
    }

    /** The preferences in use; the window applies theme, confirmations and console defaults from them. */
    public LivePreferences preferences() {
        return preferences;
    }

    /** {@code -Dvireo.statsInterval=SECONDS} (1-60), else the preferences' interval. */
    private static java.time.Duration statsInterval(java.time.Duration preferred) {
        String value = System.getProperty("vireo.statsInterval");
        if (value == null || value.isBlank()) {
            return preferred;
        }
        try {
            return java.time.Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vireo.statsInterval must be whole seconds (1-60), was '" + value + "'", e);
        }
    }

    /** Disk work (store reads and writes): one thread, so saves stay in order. */
    public ExecutorService io() {
        return io;
    }

    /** Returns at once; SSH sessions end after the hosts closed their tunnels (or after 5 s). */
    @Override
    public void close() {
        hostKeys.close();
        stats.close();
        fleet.closeAsync().orTimeout(5, TimeUnit.SECONDS).whenComplete((done, failure) -> sshSessions.close());
        io.shutdown();
        consoles.close();
    }
}
