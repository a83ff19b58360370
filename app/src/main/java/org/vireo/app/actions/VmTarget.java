package org.vireo.app.actions;

import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.VmInfo;

/** One selected VM with the connection it lives on. */
public record VmTarget(HostConnection host, VmInfo vm) {
    public String label() {
        return vm.name() + " (" + host.displayName() + ")";
    }
}
