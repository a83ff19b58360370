package org.vireo.connections.migration;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.libvirt.CPUCompareResult;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.ConnectionPointer;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.connections.libvirt.NativeAccess;

/**
 * Whether a destination can give a guest its CPU: virConnectCompareHypervisorCPU (libvirt-java 0.5.4 does not bind
 * it), which compares with what the destination's hypervisor offers for the guest's virtualization type. The older
 * virConnectCompareCPU compares with the host's own CPU, so it refuses every TCG guest whose emulated model the host
 * lacks (qemu64 on most hosts); it stays the fallback for drivers without the newer call.
 */
final class HypervisorCpu {
    interface Calls extends Library {
        Calls INSTANCE = Native.load("virt", Calls.class);

        int virConnectCompareHypervisorCPU(ConnectionPointer conn, String emulator, String arch, String machine,
                String virttype, String xmlCPU, int flags);
    }

    private HypervisorCpu() {
    }

    /** The comparison, or null when the destination's driver can compare neither way. */
    static CPUCompareResult compare(Connect conn, CpuToCompare cpu) throws LibvirtException {
        try {
            // Emulator and machine left to the destination's defaults: the guest's may be named differently there.
            int rc = NativeAccess.checked(Calls.INSTANCE.virConnectCompareHypervisorCPU(NativeAccess.of(conn), null,
                    cpu.arch(), null, cpu.virtType(), cpu.xml(), 0));
            return CPUCompareResult.get(rc);
        } catch (LibvirtException e) {
            if (!LibvirtErrors.isNoSupport(e)) {
                throw e;
            }
        }
        try {
            return conn.compareCPU(cpu.xml());
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoSupport(e)) {
                return null;
            }
            throw e;
        }
    }
}
