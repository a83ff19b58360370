package org.vireo.connections.migration;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import org.libvirt.Domain;
import org.libvirt.jna.DomainPointer;
import org.vireo.connections.libvirt.NativeAccess;
import org.vireo.resources.Text;

/**
 * The two migration calls libvirt-java 0.5.4 does not bind, reached through JNA with libvirt-java's own
 * domain handle ({@link NativeAccess}).
 */
final class MigrationNative {
    interface Calls extends Library {
        Calls INSTANCE = Native.load("virt", Calls.class);

        int virDomainMigrateSetMaxSpeed(DomainPointer domain, NativeLong bandwidthMiBs, int flags);

        int virDomainMigrateStartPostCopy(DomainPointer domain, int flags);
    }

    private MigrationNative() {
    }

    /** Changes the bandwidth limit of a running migration (or of the next one), in MiB/s. */
    static void setMaxSpeed(Domain domain, long mibs) throws MigrationException {
        check(Calls.INSTANCE.virDomainMigrateSetMaxSpeed(pointer(domain), new NativeLong(mibs), 0), Text.of("migration.cannot.setSpeed"));
    }

    /** Switches a running migration started with the post-copy flag to post-copy. */
    static void startPostCopy(Domain domain) throws MigrationException {
        check(Calls.INSTANCE.virDomainMigrateStartPostCopy(pointer(domain), 0), Text.of("migration.cannot.postCopy"));
    }

    private static DomainPointer pointer(Domain domain) {
        return NativeAccess.of(domain);
    }

    /** libvirt keeps the last error per thread: its message says why a call returned -1. */
    private static void check(int rc, Text what) throws MigrationException {
        if (rc < 0) {
            throw MigrationFailures.nativeCall(what, NativeAccess.lastErrorMessage().orElse(null));
        }
    }
}
