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

    private LibvirtEventLoop() {
    }

    /**
     * Starts the loop once per process; later calls return at once. Call before the first Connect is
     * opened (libvirt binds connections to the event implementation registered at open time).
     *
     * @throws LibvirtException when libvirt refuses to register its event implementation
     */
    public static synchronized void ensureStarted() throws LibvirtException {
        if (thread != null) {
            return;
        }
        Connect.setErrorCallback(QUIET_ERRORS);
        Library.initEventLoop();
        Thread loop = new Thread(LibvirtEventLoop::run, THREAD_NAME);
        loop.setDaemon(true);
        loop.start();
        thread = loop;
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
