package org.vireo.connections.domain;

/**
 * One {@code <disk>} of a domain.
 *
 * @param device     disk, cdrom, floppy or lun
 * @param sourcePath the file or block device, null for network or empty drives and for pool volumes
 * @param pool       pool name for {@code type="volume"} disks, else null (volume likewise)
 */
public record DiskInfo(String target, String device, String type, String bus, String sourcePath, String pool,
                       String volume, boolean readOnly, boolean shareable) {

    /** Disks whose storage is the VM's own: writable disks (not CD-ROMs, not shared, not read-only). */
    public boolean ownsStorage() {
        return ("disk".equals(device) || device == null) && !readOnly && !shareable
                && (sourcePath != null || volume != null);
    }
}
