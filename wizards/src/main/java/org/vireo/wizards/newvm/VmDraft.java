package org.vireo.wizards.newvm;

import java.util.Objects;
import org.vireo.connections.host.VirtType;

/**
 * Everything the user chose, before any XML exists. The wizard's pages and {@code vireo create} fill one in;
 * {@link DomainXml} turns it into the domain definition at the very end.
 *
 * @param hostId        the connection id of the host the VM goes to
 * @param machineFamily q35 or pc for QEMU hosts (the host's own machine on Xen)
 * @param customize     open the details editor before the first start instead of starting
 * @param openConsole   open the console once the VM runs
 */
public record VmDraft(String name, String hostId, InstallSource source, OsVariant os, int memoryMiB, int vcpus,
                      StorageChoice storage, NetworkChoice network, VirtType virtType, String arch,
                      Firmware firmware, String machineFamily, boolean customize, boolean openConsole) {
    public VmDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(virtType, "virtType");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(firmware, "firmware");
    }

    public VmDraft withSource(InstallSource newSource) {
        return new VmDraft(name, hostId, newSource, os, memoryMiB, vcpus, storage, network, virtType, arch, firmware,
                machineFamily, customize, openConsole);
    }
}
