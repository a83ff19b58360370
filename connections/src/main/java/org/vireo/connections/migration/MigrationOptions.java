package org.vireo.connections.migration;

import java.util.Objects;
import org.vireo.resources.InvalidValueException;
import org.vireo.resources.Text;

/**
 * How to migrate, as the dialog and the CLI set it. Values that do not go together are refused with an
 * {@link InvalidValueException} (English message, text in the user's language).
 *
 * @param persistOnDestination keep the guest defined on the destination (required for offline)
 * @param undefineSource       remove the definition from the source once the guest runs on the destination
 * @param copyStorage          copy disk contents too ({@code VIR_MIGRATE_NON_SHARED_DISK}), creating the
 *                             destination volumes first; for hosts without shared storage
 * @param migrationUri         where QEMU on the destination listens, e.g. {@code tcp://10.0.0.2} or
 *                             {@code tcp://10.0.0.2:49152} (direct and peer-to-peer only; null = libvirt's choice)
 * @param listenAddress        the address the destination QEMU binds (null = libvirt's default)
 * @param bandwidthMiBs        limit in MiB/s, 0 for none
 * @param maxDowntimeMs        the longest pause allowed at switch-over, 0 for libvirt's default
 * @param autoConverge         slow the guest's vCPUs down when it dirties memory faster than it can be sent
 * @param postCopy             allow switching to post-copy while it runs ({@link MigrationJob#startPostCopy()})
 */
public record MigrationOptions(MigrationMode mode, boolean persistOnDestination, boolean undefineSource,
                               boolean copyStorage, MigrationTransport transport, String migrationUri,
                               String listenAddress, long bandwidthMiBs, long maxDowntimeMs, boolean autoConverge,
                               boolean postCopy) {
    public MigrationOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(transport, "transport");
        migrationUri = blankToNull(migrationUri);
        listenAddress = blankToNull(listenAddress);
        if (bandwidthMiBs < 0) {
            throw new InvalidValueException(Text.of("migration.options.bandwidth", bandwidthMiBs));
        }
        if (maxDowntimeMs < 0) {
            throw new InvalidValueException(Text.of("migration.options.downtime", maxDowntimeMs));
        }
        if (transport == MigrationTransport.TUNNELLED && (migrationUri != null || listenAddress != null)) {
            throw new InvalidValueException(Text.of("migration.options.tunnelledAddresses"));
        }
        if (mode == MigrationMode.OFFLINE && !persistOnDestination) {
            throw new InvalidValueException(Text.of("migration.options.offlineNotPersistent"));
        }
    }

    /** Live, direct, persistent on the destination and undefined on the source, no limits. */
    public static MigrationOptions defaults(MigrationMode mode) {
        return new MigrationOptions(mode, true, true, false, MigrationTransport.DIRECT, null, null, 0, 0, false, false);
    }

    public MigrationOptions withMode(MigrationMode newMode) {
        return new MigrationOptions(newMode, persistOnDestination || newMode == MigrationMode.OFFLINE, undefineSource,
                copyStorage, transport, migrationUri, listenAddress, bandwidthMiBs, maxDowntimeMs, autoConverge, postCopy);
    }

    public MigrationOptions withAddresses(String uri, String listen) {
        return new MigrationOptions(mode, persistOnDestination, undefineSource, copyStorage, transport, uri, listen,
                bandwidthMiBs, maxDowntimeMs, autoConverge, postCopy);
    }

    public MigrationOptions withBandwidth(long mibs) {
        return new MigrationOptions(mode, persistOnDestination, undefineSource, copyStorage, transport, migrationUri,
                listenAddress, mibs, maxDowntimeMs, autoConverge, postCopy);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
