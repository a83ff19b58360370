package org.vireo.connections.libvirt;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.ErrorHandler;
import org.libvirt.LibvirtException;
import org.libvirt.jna.ConnectionPointer;
import org.libvirt.jna.DomainPointer;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/**
 * What the calls libvirt-java 0.5.4 does not bind (reached through JNA, see libraries.md) need from its
 * non-public parts: the native handles of its objects, and its error processing, so such a call fails with the
 * same {@link LibvirtException} (code and message from libvirt) as a bound one. The one place that reaches them.
 */
public final class NativeAccess {
    private static final Field CONNECT = field(Connect.class, "vcp");
    private static final Field DOMAIN = field(Domain.class, "vdp");
    private static final Method PROCESS_ERROR = method(ErrorHandler.class, "processError", int.class);

    private NativeAccess() {
    }

    /** The connection's {@code virConnectPtr}. */
    public static ConnectionPointer of(Connect conn) {
        return (ConnectionPointer) get(CONNECT, conn);
    }

    /** The domain's {@code virDomainPtr}. */
    public static DomainPointer of(Domain domain) {
        return (DomainPointer) get(DOMAIN, domain);
    }

    /**
     * Returns {@code rc} when the call succeeded (not negative); else throws libvirt's last error on this thread,
     * as libvirt-java's bound calls do.
     */
    public static int checked(int rc) throws LibvirtException {
        if (rc >= 0) {
            return rc;
        }
        try {
            PROCESS_ERROR.invoke(null, rc);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LibvirtException libvirt) {
                throw libvirt;
            }
            throw new IllegalStateException("libvirt-java's error processing failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + PROCESS_ERROR + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("libvirt reported no error for a call that returned " + rc);
    }

    /**
     * The message of libvirt's last error on this thread (libvirt keeps one per thread), as libvirt words it; empty
     * when the failed call set none. For calls whose failures are reported as Vireo's own texts rather than
     * {@link LibvirtException}s (see {@link #checked} for those).
     */
    public static java.util.Optional<String> lastErrorMessage() {
        virError error = Libvirt.INSTANCE.virGetLastError();
        return error == null || error.message == null || error.message.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(error.message.strip());
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method m = type.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("libvirt-java " + type.getName() + " has no method '" + name
                    + "' (a libvirt-java version other than 0.5.4?)", e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("libvirt-java " + type.getName() + " has no field '" + name
                    + "' (a libvirt-java version other than 0.5.4?)", e);
        }
    }

    private static Object get(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field + ": " + e.getMessage(), e);
        }
    }
}
