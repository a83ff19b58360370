package org.vireo.connections.stats;

import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/** A stats call through JNA failed; carries libvirt's error code and message (libvirt-java cannot build its own). */
public final class StatsReadException extends RuntimeException {
    /** VIR_ERR_NO_SUPPORT: the driver does not implement the call. */
    static final int NO_SUPPORT = 3;
    private final int code;

    StatsReadException(String what, int code, String reason) {
        super(what + ": " + (reason == null ? "libvirt error " + code : reason));
        this.code = code;
    }

    /** From libvirt's last error on this thread. */
    static StatsReadException last(String what) {
        virError error = Libvirt.INSTANCE.virGetLastError();
        return error == null ? new StatsReadException(what, -1, null)
                : new StatsReadException(what, error.code, error.message);
    }

    public int code() {
        return code;
    }

    boolean isNoSupport() {
        return code == NO_SUPPORT;
    }
}
