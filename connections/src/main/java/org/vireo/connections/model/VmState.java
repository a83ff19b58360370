package org.vireo.connections.model;

/** A domain's state as libvirt reports it (virDomainState), plus UNKNOWN for codes we do not know. */
public enum VmState {
    NOSTATE, RUNNING, BLOCKED, PAUSED, SHUTTING_DOWN, SHUTOFF, CRASHED, PMSUSPENDED, UNKNOWN;

    /** Maps libvirt's virDomainState number; never throws. */
    public static VmState fromLibvirt(int code) {
        VmState[] all = values();
        return code >= 0 && code < UNKNOWN.ordinal() ? all[code] : UNKNOWN;
    }

    /** True when the guest has a QEMU process (a console and live stats exist). */
    public boolean isActive() {
        return this == RUNNING || this == BLOCKED || this == PAUSED || this == SHUTTING_DOWN || this == PMSUSPENDED;
    }
}
