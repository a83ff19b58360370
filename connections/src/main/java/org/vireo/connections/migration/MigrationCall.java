package org.vireo.connections.migration;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Domain.DomainMigrateParameters;
import org.libvirt.Domain.MigrateFlags;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.libvirt.TypedUlongParameter;

/** Turns {@link MigrationOptions} into virDomainMigrate3's flags and typed parameters. Pure. */
final class MigrationCall {
    private MigrationCall() {
    }

    static int flags(MigrationOptions o) {
        int flags = o.mode() == MigrationMode.LIVE ? MigrateFlags.LIVE : MigrateFlags.OFFLINE;
        if (o.persistOnDestination()) {
            flags |= MigrateFlags.PERSIST_DEST;
        }
        if (o.undefineSource()) {
            flags |= MigrateFlags.UNDEFINE_SOURCE;
        }
        if (o.copyStorage() && o.mode() == MigrationMode.LIVE) {
            flags |= MigrateFlags.NON_SHARED_DISK;
        }
        if (o.transport().isPeerToPeer()) {
            flags |= MigrateFlags.PEER2PEER;
        }
        if (o.transport() == MigrationTransport.TUNNELLED) {
            flags |= MigrateFlags.TUNNELED;
        }
        if (o.mode() == MigrationMode.LIVE && o.autoConverge()) {
            flags |= MigrateFlags.AUTO_CONVERGE;
        }
        if (o.mode() == MigrationMode.LIVE && o.postCopy()) {
            flags |= MigrateFlags.POSTCOPY;
        }
        return flags;
    }

    /** @param vmName kept on the destination; also makes the list non-empty, which libvirt-java 0.5.4 needs */
    static TypedParameter[] params(MigrationOptions o, String vmName) {
        List<TypedParameter> params = new ArrayList<>();
        params.add(new TypedStringParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_DEST_NAME, vmName));
        if (o.migrationUri() != null) {
            params.add(new TypedStringParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_URI, o.migrationUri()));
        }
        if (o.listenAddress() != null) {
            params.add(new TypedStringParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_LISTEN_ADDRESS,
                    o.listenAddress()));
        }
        if (o.bandwidthMiBs() > 0 && o.mode() == MigrationMode.LIVE) {
            params.add(new TypedUlongParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_BANDWIDTH, o.bandwidthMiBs()));
        }
        return params.toArray(TypedParameter[]::new);
    }
}
