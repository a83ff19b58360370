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

    /**
     * Like {@link #kib}, but -1 when libvirt's driver answers 0 without saying why: it knows no NUMA cell to sum
     * (libvirt's test driver on a node file without cells, such as the demo host). The public API then reports
     * its generic failure, virErrorGenericFailure's "cause is unknown".
     */
    public static long kibOrUnknown(Connect conn) throws LibvirtException {
        try {
            return kib(conn);
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_INTERNAL_ERROR
                    && String.valueOf(e.getError().getMessage()).contains("cause is unknown")) {
                return -1;
            }
            throw e;
        }
    }

    /**
     * Like {@link #kibOrUnknown}, but where the driver cannot say, the host's memory less what its running guests
     * hold: the bound the new-VM wizard and "least loaded" need (the demo host has no NUMA cell to report).
     */
    public static long kibOrEstimate(Connect conn) throws LibvirtException {
        long known = kibOrUnknown(conn);
        if (known >= 0) {
            return known;
        }
        long heldKiB = 0;
        for (int id : conn.listDomains()) {
            org.libvirt.Domain domain = conn.domainLookupByID(id);
            try {
                heldKiB += domain.getInfo().memory;
            } finally {
                domain.free();
            }
        }
        return Math.max(0, conn.nodeInfo().memory - heldKiB);
    }
}
