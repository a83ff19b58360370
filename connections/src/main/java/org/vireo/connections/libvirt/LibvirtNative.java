package org.vireo.connections.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.jna.ConnectionPointer;
import org.libvirt.jna.DomainPointer;
import org.libvirt.jna.Libvirt;

/**
 * libvirt calls that libvirt-java 0.5.4 does not bind, made with JNA on libvirt-java's own handles (see
 * shared/libraries.md: {@code Connect.vcp} and {@code Domain.vdp} are not public, hence reflection).
 * Runs on the host's thread like every other call; libvirt's last error is per thread.
 */
final class LibvirtNative {
    /** VIR_DOMAIN_DEFINE_VALIDATE: check the XML against libvirt's schema before defining. */
    static final int DEFINE_VALIDATE = 1;

    interface Extra extends Library {
        int virDomainRename(DomainPointer domain, String newName, int flags);

        DomainPointer virDomainDefineXMLFlags(ConnectionPointer conn, String xml, int flags);
    }

    private static final class Holder {
        static final Extra EXTRA = Native.load("virt", Extra.class);
    }

    private LibvirtNative() {
    }

    /** virDomainRename (the domain must be shut off). */
    static void rename(Domain domain, String newName) throws NativeCallException {
        Libvirt.INSTANCE.virResetLastError();
        if (Holder.EXTRA.virDomainRename(domainPointer(domain), newName, 0) < 0) {
            throw NativeCallException.last();
        }
    }

    /** virDomainDefineXMLFlags with VALIDATE: a schema error rejects the XML without defining anything. */
    static void defineValidated(Connect conn, String xml) throws NativeCallException {
        Libvirt.INSTANCE.virResetLastError();
        DomainPointer defined = Holder.EXTRA.virDomainDefineXMLFlags(connectionPointer(conn), xml, DEFINE_VALIDATE);
        if (defined == null) {
            throw NativeCallException.last();
        }
        Libvirt.INSTANCE.virDomainFree(defined);
    }

    private static DomainPointer domainPointer(Domain domain) {
        return NativeAccess.of(domain);
    }

    private static ConnectionPointer connectionPointer(Connect conn) {
        return NativeAccess.of(conn);
    }

    /** A failed native call with libvirt's own message. */
    static final class NativeCallException extends Exception {
        private static final long serialVersionUID = 1L;

        NativeCallException(String message) {
            super(message);
        }

        static NativeCallException last() {
            return new NativeCallException(NativeAccess.lastErrorMessage().orElse("libvirt reported an error without a message"));
        }
    }
}
