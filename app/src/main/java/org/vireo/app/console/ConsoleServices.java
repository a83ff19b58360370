package org.vireo.app.console;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.vireo.vnc.fx.VncView;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.vireo.connections.console.ConsoleConnector;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.vnc.CertificatePins;

/**
 * What consoles need from the application: the fleet (to find the VM's host), the opener, where passwords are
 * asked (dialogs in the window; called on worker threads, which wait), and worker threads for connects and
 * reconnect delays (never the FX thread), and what every new console's view starts with (the preferences).
 */
public record ConsoleServices(Fleet fleet, VncConsoleOpener opener, AuthPrompt passwords,
                              ScheduledExecutorService workers, Consumer<VncView> viewSetup) implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    public ConsoleServices {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(viewSetup, "viewSetup");
    }

    /**
     * @param certificates VNC TLS certificates pinned on first use, per host
     * @param viewSetup    applied on the FX thread to each console's view as it is made (scaling, grab keys)
     */
    public static ConsoleServices create(Fleet fleet, SshSessions sessions, AuthPrompt passwords,
                                         CertificatePins certificates, Consumer<VncView> viewSetup) {
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "vireo-console-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new ConsoleServices(fleet, new VncConsoleOpener(new ConsoleConnector(sessions, TIMEOUT), TIMEOUT, certificates),
                passwords, workers, viewSetup);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
