package org.vireo.connections.migration;

import java.util.Objects;

/**
 * How to migrate, as the dialog and the CLI set it.
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
            throw new IllegalArgumentException("bandwidth must be 0 (unlimited) or more MiB/s, was " + bandwidthMiBs);
        }
        if (maxDowntimeMs < 0) {
            throw new IllegalArgumentException("maximum downtime must be 0 (default) or more ms, was " + maxDowntimeMs);
        }
        if (transport == MigrationTransport.TUNNELLED && (migrationUri != null || listenAddress != null)) {
            throw new IllegalArgumentException("a tunnelled migration takes no migration URI or listen address:"
                    + " the data travels inside the libvirt connection");
        }
        if (mode == MigrationMode.OFFLINE && !persistOnDestination) {
            throw new IllegalArgumentException("an offline migration only moves the definition: it must persist on"
                    + " the destination");
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
