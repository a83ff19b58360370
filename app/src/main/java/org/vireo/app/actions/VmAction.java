package org.vireo.app.actions;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.VmState;

/**
 * Lifecycle commands on one VM. Each knows in which states it applies, so menus, toolbar and
 * context menu enable the same set (virt-manager's vmmenu.py does the same).
 */
public enum VmAction {
    START("action.start", EnumSet.of(VmState.SHUTOFF, VmState.CRASHED), HostConnection::start),
    SHUTDOWN("action.shutdown", EnumSet.of(VmState.RUNNING, VmState.BLOCKED), HostConnection::shutdown),
    REBOOT("action.reboot", EnumSet.of(VmState.RUNNING, VmState.BLOCKED), HostConnection::reboot),
    FORCE_OFF("action.forceOff", EnumSet.of(VmState.RUNNING, VmState.BLOCKED, VmState.PAUSED,
            VmState.SHUTTING_DOWN, VmState.CRASHED, VmState.PMSUSPENDED), HostConnection::forceOff),
    PAUSE("action.pause", EnumSet.of(VmState.RUNNING, VmState.BLOCKED), HostConnection::suspend),
    RESUME("action.resume", EnumSet.of(VmState.PAUSED), HostConnection::resume);

    private final String messageKey;
    private final Set<VmState> appliesIn;
    private final BiFunction<HostConnection, String, CompletableFuture<Void>> call;

    VmAction(String messageKey, Set<VmState> appliesIn, BiFunction<HostConnection, String, CompletableFuture<Void>> call) {
        this.messageKey = messageKey;
        this.appliesIn = appliesIn;
        this.call = call;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean appliesTo(VmState state) {
        return appliesIn.contains(state);
    }

    /** Starts the call on the host's own executor; never blocks the caller. */
    public CompletableFuture<Void> invoke(HostConnection host, String uuid) {
        return call.apply(host, uuid);
    }
}
