package org.vireo.connections.migration;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.StorageVolInfo;
import org.vireo.connections.libvirt.LibvirtErrors;

/**
 * For a copy-storage migration: creates on the destination, in the pool of the same name, an empty volume
 * of the same name, size and format for every disk the destination lacks, so QEMU can copy into it. Volumes it
 * created are removed again if the migration fails ({@link #removeCreated}).
 */
final class StoragePreparer {
    private static final System.Logger LOG = System.getLogger(StoragePreparer.class.getName());
    private final Connect source;
    private final Connect destination;
    private final String destinationName;
    private final List<StorageVol> created = new ArrayList<>();

    StoragePreparer(Connect source, Connect destination, String destinationName) {
        this.source = source;
        this.destination = destination;
        this.destinationName = destinationName;
    }

    void createMissing(List<String> diskPaths) throws MigrationException, LibvirtException {
        for (String path : diskPaths) {
            if (!Prechecks.hasVolume(destination, path)) {
                create(path);
            }
        }
    }

    private void create(String path) throws MigrationException, LibvirtException {
        StorageVol vol;
        try {
            vol = source.storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            throw MigrationFailures.diskNotVolume(path, destinationName, e);
        }
        try {
            StoragePool pool = vol.storagePoolLookupByVolume();
            String poolName;
            try {
                poolName = pool.getName();
            } finally {
                pool.free();
            }
            StorageVolInfo info = vol.getInfo();
            String format = MigrationXml.volumeFormat(vol.getXMLDesc(0));
            StoragePool target;
            try {
                target = destination.storagePoolLookupByName(poolName);
            } catch (LibvirtException e) {
                throw MigrationFailures.noPool(destinationName, poolName, path, e);
            }
            try {
                StorageVol made = target.storageVolCreateXML(volumeXml(vol.getName(), info.capacity, format), 0);
                created.add(made);
                if (!path.equals(made.getPath())) {
                    throw MigrationFailures.otherFolder(poolName, destinationName, made.getPath(), path);
                }
            } finally {
                target.free();
            }
        } finally {
            vol.free();
        }
    }

    /** After a failed migration: the empty copies would only waste space and block the next attempt. */
    void removeCreated() {
        for (StorageVol vol : created) {
            try {
                vol.delete(0);
                vol.free();
            } catch (LibvirtException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove a volume made for a failed migration: {0}",
                        LibvirtErrors.reason(e));
            }
        }
        created.clear();
    }

    static String volumeXml(String name, long capacityBytes, String format) {
        return "<volume><name>" + escape(name) + "</name><capacity unit='bytes'>" + capacityBytes
                + "</capacity><target><format type='" + escape(format) + "'/></target></volume>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
