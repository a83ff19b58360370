package org.vireo.connections.migration;

import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/**
 * Every way the migration engine fails, as a {@link MigrationException} whose text the window says in the user's
 * language and whose message stays English (CLI, logs). libvirt's own reason is kept as libvirt wrote it.
 */
final class MigrationFailures {
    private MigrationFailures() {
    }

    /** "Cannot migrate 'web1' from host-a to host-b". */
    static Text action(String vm, String source, String destination) {
        return Text.of("migration.cannot", vm, source, destination);
    }

    /** "{action}: {libvirt's reason, or ours}". */
    static MigrationException failed(Text action, Throwable error) {
        return new MigrationException(LibvirtErrors.text(action, error), error);
    }

    /** A peer-to-peer call failed: the source's libvirtd opened the destination with its own credentials. */
    static MigrationException peerToPeer(Text action, LibvirtException error, String source, String destinationUri) {
        return new MigrationException(Text.of("migration.peerToPeer", LibvirtErrors.text(action, error), source,
                destinationUri), error);
    }

    /** A cancel, bandwidth or post-copy request libvirt refused while the job ran. */
    static MigrationException control(String vm, LibvirtException error) {
        return failed(Text.of("migration.of", vm), error);
    }

    /** Something else ended the job: its own words after "Migration of 'web1'". */
    static MigrationException unexpected(String vm, Throwable cause) {
        Text reason = cause instanceof Localized l ? l.text()
                : Text.verbatim(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        return new MigrationException(Text.of("libvirt.failed", Text.of("migration.of", vm), reason), cause);
    }

    static MigrationException interrupted(String vm, InterruptedException e) {
        return new MigrationException(Text.of("migration.interrupted", vm), e);
    }

    static MigrationException postCopyNotEnabled() {
        return new MigrationException(Text.of("migration.postCopyNotEnabled"));
    }

    static MigrationCancelledException cancelledBeforeStart(String vm) {
        return new MigrationCancelledException(Text.of("migration.cancelledBeforeStart", vm), null);
    }

    static MigrationCancelledException cancelled(String vm, String source, LibvirtException e) {
        return new MigrationCancelledException(Text.of("migration.cancelled", vm, source), e);
    }

    /**
     * A call made through JNA returned -1.
     *
     * @param what          what we tried, e.g. "Cannot set the bandwidth"
     * @param libvirtReason libvirt's last error message, null when it gave none
     */
    static MigrationException nativeCall(Text what, String libvirtReason) {
        Text reason = libvirtReason == null ? Text.of("migration.noReason") : Text.verbatim(libvirtReason);
        return new MigrationException(Text.of("libvirt.failed", what, reason));
    }

    /** Copy storage: a disk that no pool of the source holds cannot be created on the destination. */
    static MigrationException diskNotVolume(String path, String destination, LibvirtException e) {
        return new MigrationException(Text.of("migration.disk.notVolume", path, destination), e);
    }

    static MigrationException noPool(String destination, String pool, String path, LibvirtException e) {
        return new MigrationException(Text.of("migration.disk.noPool", destination, pool, path), e);
    }

    static MigrationException otherFolder(String pool, String destination, String madePath, String path) {
        return new MigrationException(Text.of("migration.disk.otherFolder", pool, destination, madePath, path));
    }
}
