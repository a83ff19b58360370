package org.vireo.wizards.newvm;

import java.util.List;

/**
 * A VM the wizard defined but did not start because the user customizes it first: what "Begin installation"
 * needs (the installer's kernel for a network install, else null) and what "Cancel installation" removes.
 *
 * @param createdVolumes the volumes the wizard made for the VM (its new disk)
 */
public record PendingInstall(KernelBoot boot, List<DiskRef.PoolVolume> createdVolumes, boolean openConsole) {
    public PendingInstall {
        createdVolumes = List.copyOf(createdVolumes);
    }

    /** Everything the wizard put on the host for this VM besides its definition. */
    public List<DiskRef.PoolVolume> allVolumes() {
        List<DiskRef.PoolVolume> all = new java.util.ArrayList<>(createdVolumes);
        if (boot != null) {
            all.addAll(boot.volumes());
        }
        return List.copyOf(all);
    }
}
