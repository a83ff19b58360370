package org.vireo.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.LibvirtEventLoop;
import org.vireo.connections.threads.BackgroundThreads;

/**
 * Loads libvirt (JNA, libvirt.so, its event implementation, dispatched by the toolkit's GLib loop
 * once it runs; see LibvirtEventLoop) on a background thread while JavaFX starts its
 * toolkit: the two are independent and each takes a few hundred milliseconds, so doing them side
 * by side shortens the time to a usable window. A failure here is only logged: the first
 * connection repeats the call and reports the error to the user. The same thread first puts the JIT compilers
 * at a background priority (see BackgroundThreads), so that they never take turns with the window's thread.
 */
final class Prewarm {
    private static final Logger LOG = Logger.getLogger(Prewarm.class.getName());

    private Prewarm() {
    }

    static void startLibvirt() {
        Thread thread = new Thread(() -> {
            BackgroundThreads.lowerJitCompilerThreads();
            try {
                LibvirtEventLoop.dispatchFromToolkitMainLoop();
                LibvirtEventLoop.ensureStarted();
            } catch (LibvirtException | LinkageError e) {
                LOG.log(Level.FINE, "libvirt prewarm failed; the first connection will report it", e);
            }
        }, "vireo-prewarm");
        thread.setDaemon(true);
        thread.start();
    }
}
