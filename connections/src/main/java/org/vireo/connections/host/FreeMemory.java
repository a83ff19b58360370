package org.vireo.connections.host;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** The host's free memory in KiB. */
public final class FreeMemory {
    private FreeMemory() {
    }

    /**
     * virNodeGetFreeMemory answers in bytes, except on libvirt's test driver, which returns its cells' KiB figures
     * unconverted ({@code virsh -c test:///default freecell} shows 2048 KiB for a 2 GiB cell): taken as KiB there.
     */
    public static long kib(Connect conn) throws LibvirtException {
        long reported = conn.getFreeMemory();
        return "TEST".equalsIgnoreCase(conn.getType()) ? reported : reported / 1024;
    }
}
