package org.vireo.wizards.newvm;

/** Boot firmware of an HVM guest. UEFI is offered only where the host's domain capabilities list EFI. */
public enum Firmware {
    BIOS, UEFI
}
