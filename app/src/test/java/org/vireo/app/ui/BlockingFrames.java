package org.vireo.app.ui;

/**
 * Tells, from a thread's stack, whether it is inside a call that can wait on a remote peer: a socket (JDK or JSch)
 * or a call into native code through JNA, which in Vireo means libvirt.
 *
 * <p>libvirt's events are dispatched by the toolkit's GLib loop on the FX thread, so native code calling back into
 * Java there is expected; only a call going out from Java into native code counts.
 */
final class BlockingFrames {
    private BlockingFrames() {
    }

    static boolean inBlockingCall(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (blocking(frame)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blocking(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("com.jcraft.jsch.")
                || type.startsWith("java.net.Socket") || type.startsWith("sun.nio.ch.Socket")
                || type.startsWith("sun.nio.ch.Net")
                || (type.equals("com.sun.jna.Function") && frame.getMethodName().startsWith("invoke"))
                || (type.equals("com.sun.jna.Native") && frame.getMethodName().startsWith("invoke"));
    }
}
