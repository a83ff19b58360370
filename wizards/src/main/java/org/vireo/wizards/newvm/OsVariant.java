package org.vireo.wizards.newvm;

import java.util.List;

/**
 * One OS choice and the defaults it brings.
 *
 * @param id      libosinfo short id (debian12, win11, …), written to the domain's libosinfo metadata
 * @param machine machine family for QEMU hosts: q35 or pc
 * @param virtio  whether the OS has virtio drivers out of the box (disks and NICs on virtio, else sata/e1000e)
 */
public record OsVariant(String id, String family, String name, int memoryMiB, int vcpus, int diskGiB,
                        boolean virtio, Firmware firmware, String machine, List<String> match) {
    public OsVariant {
        match = List.copyOf(match);
    }

    @Override
    public String toString() {
        return name;
    }
}
