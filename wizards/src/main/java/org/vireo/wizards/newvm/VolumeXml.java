package org.vireo.wizards.newvm;

/** The storage volume XML for a new disk ({@code virStorageVolCreateXML}). */
public final class VolumeXml {
    private VolumeXml() {
    }

    /** Thin-provisioned: allocation 0, so a qcow2 or sparse raw file grows as the guest writes. */
    public static String build(StorageChoice.NewVolume volume) {
        return build(volume.volumeName(), volume.sizeGiB(), "GiB", volume.format());
    }

    /** A volume of exactly {@code bytes}, e.g. to upload a file into. */
    public static String ofBytes(String name, long bytes, String format) {
        return build(name, bytes, "bytes", format);
    }

    private static String build(String name, long capacity, String unit, String format) {
        XmlDoc xml = new XmlDoc("volume");
        xml.addText(xml.root(), "name", name);
        xml.addText(xml.root(), "capacity", Long.toString(capacity), "unit", unit);
        xml.addText(xml.root(), "allocation", "0", "unit", unit);
        xml.add(xml.add(xml.root(), "target"), "format", "type", format);
        return xml.serialize();
    }

    /** {@code NAME.qcow2} or {@code NAME.img}: virt-manager's names, so admins find them. */
    public static String defaultName(String vmName, String format) {
        return vmName + ("qcow2".equals(format) ? ".qcow2" : ".img");
    }
}
