package org.vireo.wizards.newvm;

/** The storage volume XML for a new disk ({@code virStorageVolCreateXML}). */
public final class VolumeXml {
    private VolumeXml() {
    }

    /** Thin-provisioned: allocation 0, so a qcow2 or sparse raw file grows as the guest writes. */
    public static String build(StorageChoice.NewVolume volume) {
        XmlDoc xml = new XmlDoc("volume");
        xml.addText(xml.root(), "name", volume.volumeName());
        xml.addText(xml.root(), "capacity", Long.toString(volume.sizeGiB()), "unit", "GiB");
        xml.addText(xml.root(), "allocation", "0", "unit", "GiB");
        xml.add(xml.add(xml.root(), "target"), "format", "type", volume.format());
        return xml.serialize();
    }

    /** {@code NAME.qcow2} or {@code NAME.img}: virt-manager's names, so admins find them. */
    public static String defaultName(String vmName, String format) {
        return vmName + ("qcow2".equals(format) ? ".qcow2" : ".img");
    }
}
