package org.vireo.connections.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a VM's hardware list (virt-manager's left-hand list): what it is and its properties in
 * display order.
 *
 * @param kind  CPU, MEMORY, BOOT, DISK, NIC, GRAPHICS, VIDEO, CONTROLLER or OTHER
 * @param title e.g. "Disk vda", "NIC 52:54:00:00:00:01"
 */
public record HardwareItem(Kind kind, String title, Map<String, String> properties) {
    public enum Kind { CPU, MEMORY, BOOT, DISK, NIC, GRAPHICS, VIDEO, CONTROLLER, OTHER }

    public HardwareItem {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
