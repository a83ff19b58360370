package org.vireo.connections.libvirt;

import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * libvirt's process-wide default event loop, run on one daemon thread. Without it no domain events,
 * close callbacks or keepalive replies are processed (a stalled link then hangs calls forever).
 */
public final class LibvirtEventLoop {
    public static final String THREAD_NAME = "libvirt-event-loop";

    /** JNA callbacks must stay strongly reachable while libvirt holds them. */
    private static final Libvirt.VirErrorCallback QUIET_ERRORS = (userData, error) -> {
        // Errors still arrive as LibvirtException; this only stops libvirt's default stderr printing.
    };
    private static Thread thread;
    private static Throwable failure;
    private static boolean registered;
    private static boolean dispatchedElsewhere;

    private LibvirtEventLoop() {
    }

    /**
     * Starts the loop once per process; later calls return at once. Call before the first Connect is
     * opened (libvirt binds connections to the event implementation registered at open time).
     *
     * @throws LibvirtException when libvirt refuses to register its event implementation
     */
    public static synchronized void ensureStarted() throws LibvirtException {
        register();
        if (thread != null || dispatchedElsewhere) {
            return;
        }
        if (toolkitLoopRunning()) {
            dispatchedElsewhere = true;
            return;
        }
        Thread loop = new Thread(LibvirtEventLoop::run, THREAD_NAME);
        loop.setDaemon(true);
        loop.start();
        thread = loop;
    }

    /**
     * For a process whose UI toolkit already runs a GLib main loop on the default main context
     * (JavaFX on GTK does, on the FX thread). libvirt's default event implementation is built on
     * that same context, so the toolkit's loop dispatches libvirt's events by itself, and a second
     * thread iterating the context would compete with the UI thread for its ownership, stalling
     * the UI and running toolkit callbacks on the wrong thread. Registers libvirt's
     * Cheap and safe on the UI thread: libvirt is registered by the first {@link #ensureStarted()},
     * and a loop thread started earlier (tests) is ended in the background.
     */
    public static void dispatchFromToolkitMainLoop() {
        Thread running;
        synchronized (LibvirtEventLoop.class) {
            dispatchedElsewhere = true;
            running = thread;
            thread = null;
        }
        if (running != null) {
            // Joining may take a moment: never on the caller's (UI) thread.
            Thread stopper = new Thread(() -> stop(running), "libvirt-event-loop-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private static void stop(Thread running) {
        try {
            Library.stopEventLoop();
            running.join(5_000);
        } catch (LibvirtException e) {
            recordFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LibvirtWakeupTimer.disarm();
    }

    /**
     * Whether a JavaFX toolkit already runs its GLib loop in this process (dialogs and tests that
     * open hosts without the main window). This module must not depend on JavaFX, so it looks for
     * the toolkit's thread by its documented name.
     */
    private static boolean toolkitLoopRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && "JavaFX Application Thread".equals(t.getName()));
    }

    private static synchronized void register() throws LibvirtException {
        if (!registered) {
            Connect.setErrorCallback(QUIET_ERRORS);
            Library.initEventLoop();
            registered = true;
        }
    }

    /** True while the loop thread runs. */
    public static synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** Why the loop ended, if it did (for diagnostics; null while running). */
    public static synchronized Throwable failure() {
        return failure;
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException e) {
            recordFailure(e);
        } catch (InterruptedException e) {
            recordFailure(e);
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void recordFailure(Throwable t) {
        failure = t;
        System.getLogger(LibvirtEventLoop.class.getName())
                .log(System.Logger.Level.ERROR, "libvirt event loop stopped; events and keepalive no longer work", t);
    }
}
