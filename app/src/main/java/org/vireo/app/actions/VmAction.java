package org.vireo.app.actions;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.VmOperations;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;

/**
 * Lifecycle commands on one VM that need no further input. Each knows in which states it applies, so menus,
 * toolbar and context menu enable the same set (virt-manager's vmmenu.py does the same), and whether it is
 * destructive (asks for confirmation first).
 */
public enum VmAction {
    START("action.start", EnumSet.of(VmState.SHUTOFF, VmState.CRASHED), true, false,
            (h, vm) -> h.start(vm.uuid())),
    SHUTDOWN("action.shutdown", EnumSet.of(VmState.RUNNING, VmState.BLOCKED), true, false,
            (h, vm) -> h.shutdown(vm.uuid())),
    REBOOT("action.reboot", EnumSet.of(VmState.RUNNING, VmState.BLOCKED), true, false,
            (h, vm) -> h.reboot(vm.uuid())),
    RESET("action.reset", EnumSet.of(VmState.RUNNING, VmState.BLOCKED, VmState.PAUSED), false, true,
            (h, vm) -> h.reset(vm.uuid())),
    FORCE_OFF("action.forceOff", EnumSet.of(VmState.RUNNING, VmState.BLOCKED, VmState.PAUSED,
            VmState.SHUTTING_DOWN, VmState.CRASHED, VmState.PMSUSPENDED), true, true,
            (h, vm) -> h.forceOff(vm.uuid())),
    PAUSE("action.pause", EnumSet.of(VmState.RUNNING, VmState.BLOCKED), true, false,
            (h, vm) -> h.suspend(vm.uuid())),
    RESUME("action.resume", EnumSet.of(VmState.PAUSED), true, false,
            (h, vm) -> h.resume(vm.uuid())),
    SAVE("action.save", EnumSet.of(VmState.RUNNING, VmState.BLOCKED, VmState.PAUSED), false, false,
            (h, vm) -> new VmOperations(h).managedSave(vm.uuid())),
    /** Turns autostart on when it is off and off when it is on, per VM. */
    AUTOSTART("action.autostart", EnumSet.allOf(VmState.class), false, false,
            (h, vm) -> new VmOperations(h).setAutostart(vm.uuid(), !vm.autostart()));

    private final String messageKey;
    private final Set<VmState> appliesIn;
    private final boolean inToolbar;
    private final boolean destructive;
    private final BiFunction<HostConnection, VmInfo, CompletableFuture<Void>> call;

    VmAction(String messageKey, Set<VmState> appliesIn, boolean inToolbar, boolean destructive,
             BiFunction<HostConnection, VmInfo, CompletableFuture<Void>> call) {
        this.messageKey = messageKey;
        this.appliesIn = appliesIn;
        this.inToolbar = inToolbar;
        this.destructive = destructive;
        this.call = call;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean appliesTo(VmState state) {
        return appliesIn.contains(state);
    }

    /** Shown as a toolbar button (the others are in the VM menu only). */
    public boolean inToolbar() {
        return inToolbar;
    }

    /** Loses guest state: asks for confirmation (with "don't ask again"). */
    public boolean destructive() {
        return destructive;
    }

    /** Starts the call on the host's own executor; never blocks the caller. */
    public CompletableFuture<Void> invoke(HostConnection host, VmInfo vm) {
        return call.apply(host, vm);
    }
}
