package org.vireo.connections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vireo.resources.InvalidValueException;
import org.vireo.resources.Messages;

class DomainXmlEditsTest {
    static final String XML = """
            <domain type='kvm'>
              <name>web1</name>
              <uuid>6f1c0b52-3d1a-4c55-9a51-0a5c0e8c7a01</uuid>
              <metadata>
                <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
                  <libosinfo:os id="http://debian.org/debian/12"/>
                </libosinfo:libosinfo>
              </metadata>
              <memory unit='GiB'>1</memory>
              <currentMemory unit='KiB'>1048576</currentMemory>
              <vcpu placement='static' current='2'>4</vcpu>
              <os>
                <type arch='x86_64' machine='pc'>hvm</type>
                <nvram>/var/lib/libvirt/qemu/nvram/web1_VARS.fd</nvram>
                <boot dev='hd'/>
                <boot dev='cdrom'/>
              </os>
              <devices>
                <disk type='file' device='disk'>
                  <source file='/var/lib/libvirt/images/web1.qcow2'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='cdrom'>
                  <source file='/isos/debian.iso'/>
                  <target dev='sda' bus='sata'/>
                  <readonly/>
                </disk>
                <interface type='network'>
                  <mac address='52:54:00:00:00:01'/>
                  <source network='dmz'/>
                  <model type='virtio'/>
                </interface>
                <graphics type='vnc' port='-1' autoport='yes' passwd='secret'/>
                <video><model type='vga' vram='16384' heads='1'/></video>
                <controller type='usb' index='0' model='qemu-xhci'/>
              </devices>
            </domain>
            """;

    @Test
    void describesFactsAndHardware() throws Exception {
        DomainDescription d = DomainDescription.parse(XML);
        assertEquals("web1", d.name());
        assertEquals(1048576, d.memoryKiB());
        assertEquals(4, d.vcpus());
        assertEquals(List.of("hd", "cdrom"), d.bootDevices());
        assertEquals("http://debian.org/debian/12", d.osId());
        assertEquals(List.of("52:54:00:00:00:01"), d.macs());
        assertTrue(d.disks().get(0).ownsStorage());
        assertFalse(d.disks().get(1).ownsStorage(), "a read-only CD-ROM is not the VM's own storage");
        List<HardwareItem.Kind> kinds = d.hardware().stream().map(HardwareItem::kind).toList();
        assertEquals(List.of(HardwareItem.Kind.CPU, HardwareItem.Kind.MEMORY, HardwareItem.Kind.BOOT,
                HardwareItem.Kind.DISK, HardwareItem.Kind.DISK, HardwareItem.Kind.NIC, HardwareItem.Kind.GRAPHICS,
                HardwareItem.Kind.VIDEO, HardwareItem.Kind.CONTROLLER), kinds);
        assertEquals("CD-ROM sda", d.hardware().get(4).title());
    }

    @Test
    void aDomainWithoutDevicesOrOsIsStillDescribed() throws Exception {
        DomainDescription d = DomainDescription.parse("<domain type='xen'><name>bare</name></domain>");
        assertEquals(3, d.hardware().size());
        assertEquals(List.of(), d.disks());
        assertNull(d.osId());
    }

    @Test
    void brokenXmlNamesLineAndColumn() {
        DomainXmlException e = assertThrows(DomainXmlException.class,
                () -> DomainDescription.parse("<domain>\n  <name>x</nam>\n</domain>"));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
    }

    @Test
    void aMemoryEditChangesOnlyTheMemoryLines() throws Exception {
        String after = new HardwareEdit(2097152L, null, null, null).applyTo(XML);
        assertEquals(List.of("-   <memory unit=\"GiB\">1</memory>", "-   <currentMemory unit=\"KiB\">1048576</currentMemory>",
                "+   <memory unit=\"KiB\">2097152</memory>", "+   <currentMemory unit=\"KiB\">2097152</currentMemory>"),
                LineDiff.changes(Xml.serialize(Xml.parse(XML)), after));
        assertEquals(2097152, DomainDescription.parse(after).memoryKiB());
    }

    @Test
    void vcpusBootOrderAndDescriptionEdits() throws Exception {
        String after = new HardwareEdit(null, 1, List.of("network", "hd"), "front end").applyTo(XML);
        DomainDescription d = DomainDescription.parse(after);
        assertEquals(1, d.vcpus());
        assertTrue(after.contains("current=\"1\""), after);
        assertEquals(List.of("network", "hd"), d.bootDevices());
        assertEquals("front end", d.description());
        assertTrue(after.contains("passwd=\"secret\""), "untouched parts stay, secrets included");
        assertEquals(DomainDescription.parse(XML).disks(), d.disks());
        String removed = new HardwareEdit(null, null, null, "").applyTo(after);
        assertNull(DomainDescription.parse(removed).description());
    }

    @Test
    void perDeviceBootOrderIsRefusedWithAReason() {
        String xml = XML.replace("<target dev='vda' bus='virtio'/>", "<target dev='vda' bus='virtio'/><boot order='1'/>");
        DomainXmlException e = assertThrows(DomainXmlException.class,
                () -> new HardwareEdit(null, null, List.of("hd"), null).applyTo(xml));
        assertEquals("this VM sets its boot order per device (<boot order=.../>); change it in the XML editor",
                e.getMessage());
        assertEquals("cette VM fixe son ordre d\u2019amor\u00e7age par p\u00e9riph\u00e9rique (<boot order=.../>)\u00a0; "
                + "modifiez-le dans l\u2019\u00e9diteur XML", e.text().in(new Messages(Locale.FRENCH)));
    }

    @Test
    void badEditsAreRejectedInEnglishAndFrench() {
        assertRefused("memory must be positive, was 0 KiB", "la m\u00e9moire doit \u00eatre positive (valeur\u00a0: 0\u00a0Kio)",
                () -> new HardwareEdit(0L, null, null, null));
        assertRefused("vCPUs must be at least 1, was 0", "il faut au moins 1 vCPU (valeur\u00a0: 0)",
                () -> new HardwareEdit(null, 0, null, null));
        InvalidValueException usb = assertThrows(InvalidValueException.class,
                () -> new HardwareEdit(null, null, List.of("usb"), null));
        assertTrue(usb.getMessage().startsWith("unknown boot device 'usb', expected one of ["), usb.getMessage());
        assertTrue(usb.text().in(new Messages(Locale.FRENCH)).startsWith(
                "p\u00e9riph\u00e9rique d\u2019amor\u00e7age inconnu \u00ab\u00a0usb\u00a0\u00bb, attendu\u00a0: ["));
    }

    private static void assertRefused(String english, String french, org.junit.jupiter.api.function.Executable edit) {
        InvalidValueException e = assertThrows(InvalidValueException.class, edit);
        assertEquals(english, e.getMessage());
        assertEquals(french, e.text().in(new Messages(Locale.FRENCH)));
    }

    @Test
    void cloneXmlHasNewNameNoUuidNoMacsAndTheCopiedDisk() throws Exception {
        String clone = CloneXml.of(XML, "web3", Map.of("/var/lib/libvirt/images/web1.qcow2",
                "/var/lib/libvirt/images/web3.qcow2"));
        DomainDescription d = DomainDescription.parse(clone);
        assertEquals("web3", d.name());
        assertNull(d.uuid());
        assertEquals(List.of(), d.macs());
        assertEquals("/var/lib/libvirt/images/web3.qcow2", d.disks().get(0).sourcePath());
        assertEquals("/isos/debian.iso", d.disks().get(1).sourcePath(), "the shared CD-ROM stays");
        assertFalse(clone.contains("nvram"), "the clone gets its own NVRAM");
    }

    @Test
    void snapshotXmlIsRead() throws Exception {
        SnapshotInfo s = SnapshotInfo.parse("""
                <domainsnapshot><name>after-update</name><description>ok</description><state>running</state>
                <parent><name>base</name></parent><creationTime>1700000000</creationTime></domainsnapshot>""", true);
        assertEquals(new SnapshotInfo("after-update", "ok", "running", "base", 1700000000L, true), s);
        assertTrue(s.hasMemory());
    }
}
