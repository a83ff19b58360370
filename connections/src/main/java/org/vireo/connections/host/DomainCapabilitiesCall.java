package org.vireo.connections.host;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.jna.ConnectionPointer;
import org.vireo.connections.libvirt.NativeAccess;

/**
 * {@code virConnectGetDomainCapabilities}, which libvirt-java does not bind: called through JNA with the
 * connection's own handle; the returned string is libvirt's to hand over and ours to free.
 */
final class DomainCapabilitiesCall {
    private DomainCapabilitiesCall() {
    }

    interface Native2 extends Library {
        Native2 INSTANCE = Native.load("virt", Native2.class);

        Pointer virConnectGetDomainCapabilities(ConnectionPointer conn, String emulatorbin, String arch,
                                                String machine, String virttype, int flags);
    }

    interface CLib extends Library {
        CLib INSTANCE = Native.load("c", CLib.class);

        void free(Pointer p);
    }

    /** @return the XML, or null where the driver does not support the call or the combination */
    static String read(Connect conn, String emulator, String arch, String machine, String virtType) {
        Pointer result = Native2.INSTANCE.virConnectGetDomainCapabilities(NativeAccess.of(conn), emulator, arch, machine,
                virtType, 0);
        if (result == null) {
            return null;
        }
        try {
            return result.getString(0, "UTF-8");
        } finally {
            CLib.INSTANCE.free(result);
        }
    }
}
