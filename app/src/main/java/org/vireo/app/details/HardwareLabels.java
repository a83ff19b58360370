package org.vireo.app.details;

import org.vireo.connections.domain.HardwareItem;
import org.vireo.resources.Messages;

/**
 * The hardware list in the user's language. {@code connections} describes devices with English titles and
 * property names (as virsh would); the view translates the words it knows and leaves libvirt's own names
 * (element names, device targets, MAC addresses) as they are.
 */
final class HardwareLabels {
    private final Messages messages;

    HardwareLabels(Messages messages) {
        this.messages = messages;
    }

    /** "CPUs", "Disk vda", "NIC 52:54:…" in the user's words; unknown elements keep their XML name. */
    String title(HardwareItem item) {
        String title = item.title();
        int space = title.indexOf(' ');
        String first = space < 0 ? title : title.substring(0, space);
        String rest = space < 0 ? "" : title.substring(space + 1);
        return switch (item.kind()) {
            case CPU, MEMORY, BOOT -> messages.get("hardware.item." + item.kind());
            // A disk's title starts with what it is: Disk, CD-ROM, Floppy or LUN.
            case DISK -> known("hardware.disk." + first) ? messages.get("hardware.disk." + first, rest) : title;
            case NIC, GRAPHICS, VIDEO, CONTROLLER -> messages.get("hardware.item." + item.kind(), rest);
            case OTHER -> title;
        };
    }

    /** "Maximum (KiB)" and the like; a name without a translation is shown as given. */
    String property(String name) {
        String key = "hardware.prop." + name.replaceAll("[^A-Za-z]", "");
        return known(key) ? messages.get(key) : name;
    }

    /** The few values that are words ("yes", "per device"); the others are data. */
    String value(String value) {
        String key = "hardware.value." + value.replaceAll("[^A-Za-z]", "");
        return known(key) ? messages.get(key) : value;
    }

    private boolean known(String key) {
        return messages.bundle().containsKey(key);
    }
}
