package org.vireo.wizards.newvm;

/** The new VM's main disk (step 4), unless it imports one. */
public sealed interface StorageChoice {
    /** A volume the wizard creates in {@code pool}; {@code format} is qcow2 or raw. */
    record NewVolume(String pool, String volumeName, long sizeGiB, String format) implements StorageChoice {
    }

    record Existing(DiskRef disk, String format) implements StorageChoice {
    }

    /** No disk (PXE-only and diskless VMs, or imports: the imported disk is the disk). */
    record None() implements StorageChoice {
    }
}
