package org.vireo.app.ui;

import java.util.Set;

/**
 * Tells, from a thread's stack, whether it is inside a call that can wait on a remote peer: a socket (JDK or JSch)
 * or a call into native code through JNA, which in Vireo means libvirt.
 *
 * <p>libvirt's events are dispatched by the toolkit's GLib loop on the FX thread, so native code calling back into
 * Java there is expected; only a call going out from Java into native code counts, unless it is one of the few
 * libvirt functions answered from the handle itself (its UUID, name, reference count), which never reach the host.
 */
final class BlockingFrames {
    /** libvirt functions that read or reference-count a handle in this process: no driver, no RPC. */
    private static final Set<String> HANDLE_LOCAL = Set.of("virDomainGetUUIDString", "virDomainGetUUID",
            "virDomainGetName", "virDomainRef", "virDomainFree", "virConnectRef");

    private BlockingFrames() {
    }

    static boolean inBlockingCall(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (socket(stack[i]) || (jnaInvoke(stack[i]) && !handleLocal(stack, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean socket(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("com.jcraft.jsch.")
                || type.startsWith("java.net.Socket") || type.startsWith("sun.nio.ch.Socket")
                || type.startsWith("sun.nio.ch.Net");
    }

    private static boolean jnaInvoke(StackTraceElement frame) {
        String type = frame.getClassName();
        return (type.equals("com.sun.jna.Function") || type.equals("com.sun.jna.Native"))
                && frame.getMethodName().startsWith("invoke");
    }

    /** The library method JNA is running for is the first frame below JNA's own: libvirt-java's proxy. */
    private static boolean handleLocal(StackTraceElement[] stack, int jnaFrame) {
        for (int i = jnaFrame + 1; i < stack.length; i++) {
            if (!stack[i].getClassName().startsWith("com.sun.jna.")) {
                return HANDLE_LOCAL.contains(stack[i].getMethodName());
            }
        }
        return false;
    }
}
