package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vireo.connections.host.DomainCapabilities;
import org.vireo.connections.host.HostCapabilities;
import org.vireo.connections.host.VirtType;

class DomainXmlTest {
    private static final OsCatalogue CATALOGUE = OsCatalogue.bundled();

    static VmDraft draft(String name, VirtType type, String arch, String osId, InstallSource source,
                         StorageChoice storage, NetworkChoice network, Firmware firmware) {
        OsVariant os = CATALOGUE.byId(osId).orElseThrow();
        return new VmDraft(name, "h", source, os, os.memoryMiB(), os.vcpus(), storage, network, type, arch, firmware,
                os.machine(), false, true);
    }

    private static String validBuild(VmDraft draft, HostCapabilities caps, Optional<DomainCapabilities> dc)
            throws Exception {
        String xml = DomainXml.build(draft, caps, dc);
        assertNull(LibvirtSchema.problems(xml, "domain"), "domain XML must validate against libvirt's schema");
        return xml;
    }

    @Test
    void kvmInstallFromIsoWithNewQcow2VolumeUefiAndVirtio() throws Exception {
        VmDraft d = draft("deb<&>'\"1", VirtType.KVM, "x86_64", "debian12",
                new InstallSource.Cdrom(new DiskRef.FilePath("/isos/debian-12.5.0-amd64-netinst.iso")),
                new StorageChoice.NewVolume("default", "deb1.qcow2", 20, "qcow2"),
                new NetworkChoice.VirtualNetwork("default"), Firmware.UEFI);
        String xml = validBuild(d, Fixtures.caps("kvm"), Fixtures.kvmDomCaps());
        assertTrue(xml.contains("<name>deb&lt;&amp;&gt;'\"1</name>"), "names are escaped by the XML API:\n" + xml);
        assertTrue(xml.contains("<os firmware=\"efi\">"), xml);
        assertTrue(xml.contains("machine=\"q35\""), xml);
        assertTrue(xml.contains("<target bus=\"virtio\" dev=\"vda\"/>"), xml);
        assertTrue(xml.contains("<target bus=\"sata\" dev=\"sda\"/>"), "q35 has no IDE: the ISO is on SATA\n" + xml);
        assertTrue(!xml.contains("<cpu"), "libvirt's default CPU model (see DomainXml)\n" + xml);
    }

    @Test
    void qemuPxeOnABridgeWithoutDisk() throws Exception {
        VmDraft d = draft("pxe1", VirtType.QEMU, "x86_64", "generic", new InstallSource.Pxe(),
                new StorageChoice.None(), new NetworkChoice.Bridge("br0"), Firmware.BIOS);
        String xml = validBuild(d, Fixtures.caps("kvm"), Fixtures.kvmDomCaps());
        assertTrue(xml.contains("<domain type=\"qemu\">"), xml);
        assertTrue(xml.contains("<boot dev=\"network\"/>"), xml);
        assertTrue(xml.contains("<model type=\"e1000e\"/>"), "no virtio drivers in an unknown OS\n" + xml);
        assertTrue(xml.contains("machine=\"pc\""), xml);
    }

    @Test
    void qemuImportOfAPoolVolume() throws Exception {
        VmDraft d = draft("imp1", VirtType.QEMU, "x86_64", "linux2022",
                new InstallSource.Import(new DiskRef.PoolVolume("vms", "disk.qcow2"), "qcow2"),
                new StorageChoice.None(), new NetworkChoice.None(), Firmware.BIOS);
        String xml = validBuild(d, Fixtures.caps("kvm"), Fixtures.kvmDomCaps());
        assertTrue(xml.contains("<source pool=\"vms\" volume=\"disk.qcow2\"/>"), xml);
        assertTrue(xml.contains("<driver name=\"qemu\" type=\"qcow2\"/>"), xml);
    }

    @Test
    void windowsGetsSataDisksAndLocalClock() throws Exception {
        VmDraft d = draft("win", VirtType.KVM, "x86_64", "win11",
                new InstallSource.Cdrom(new DiskRef.PoolVolume("isos", "Win11_23H2.iso")),
                new StorageChoice.NewVolume("default", "win.qcow2", 64, "qcow2"),
                new NetworkChoice.VirtualNetwork("default"), Firmware.UEFI);
        String xml = validBuild(d, Fixtures.caps("kvm"), Fixtures.kvmDomCaps());
        assertTrue(xml.contains("<target bus=\"sata\" dev=\"sda\"/>") && xml.contains("dev=\"sdb\""), xml);
        assertTrue(xml.contains("<clock offset=\"localtime\"/>"), xml);
    }

    @Test
    void xenPvImportAndNetworkInstall() throws Exception {
        VmDraft imported = draft("pv1", VirtType.XEN_PV, "x86_64", "debian12",
                new InstallSource.Import(new DiskRef.FilePath("/var/lib/xen/images/pv1.img"), "raw"),
                new StorageChoice.None(), new NetworkChoice.Bridge("xenbr0"), Firmware.BIOS);
        String xml = validBuild(imported, Fixtures.caps("xen"), Optional.empty());
        assertTrue(xml.contains("<bootloader>pygrub</bootloader>"), xml);
        assertTrue(xml.contains("<type arch=\"x86_64\" machine=\"xenpv\">xen</type>"), xml);
        assertTrue(xml.contains("<target bus=\"xen\" dev=\"xvda\"/>"), xml);

        VmDraft net = draft("pv2", VirtType.XEN_PV, "x86_64", "debian12",
                new InstallSource.Location("http://deb.debian.org/debian/dists/bookworm/main/installer-amd64/",
                        "console=hvc0", "/var/lib/vireo/boot/pv2-vmlinuz", "/var/lib/vireo/boot/pv2-initrd.gz"),
                new StorageChoice.NewVolume("default", "pv2.img", 8, "raw"), new NetworkChoice.Bridge("xenbr0"),
                Firmware.BIOS);
        String xml2 = validBuild(net, Fixtures.caps("xen"), Optional.empty());
        assertTrue(xml2.contains("<kernel>/var/lib/vireo/boot/pv2-vmlinuz</kernel>"), xml2);
        assertTrue(xml2.contains("<cmdline>console=hvc0</cmdline>"), xml2);
    }

    @Test
    void xenHvmFromIsoUsesHvmloader() throws Exception {
        VmDraft d = draft("hvm1", VirtType.XEN_HVM, "x86_64", "win10",
                new InstallSource.Cdrom(new DiskRef.FilePath("/isos/Win10.iso")),
                new StorageChoice.NewVolume("default", "hvm1.img", 40, "raw"),
                new NetworkChoice.Bridge("xenbr0"), Firmware.BIOS);
        String xml = validBuild(d, Fixtures.caps("xen"), Optional.empty());
        assertTrue(xml.contains("<loader>/usr/lib/xen/boot/hvmloader</loader>"), xml);
        assertTrue(xml.contains("machine=\"xenfv\""), xml);
    }

    @Test
    void refusesWhatTheHostCannotDo() throws Exception {
        VmDraft pvCdrom = draft("x", VirtType.XEN_PV, "x86_64", "debian12",
                new InstallSource.Cdrom(new DiskRef.FilePath("/i.iso")), new StorageChoice.None(),
                new NetworkChoice.None(), Firmware.BIOS);
        DraftException e = assertThrows(DraftException.class,
                () -> DomainXml.build(pvCdrom, Fixtures.caps("xen"), Optional.empty()));
        assertTrue(e.getMessage().startsWith("Xen paravirtualized guests cannot boot from install media"), e.getMessage());

        VmDraft kvmOnXen = draft("x", VirtType.KVM, "x86_64", "debian12", new InstallSource.Pxe(),
                new StorageChoice.None(), new NetworkChoice.Bridge("b"), Firmware.BIOS);
        DraftException e2 = assertThrows(DraftException.class,
                () -> DomainXml.build(kvmOnXen, Fixtures.caps("xen"), Optional.empty()));
        assertEquals("the host does not offer KVM guests for x86_64 (it offers: [Xen paravirtualized, Xen fully"
                + " virtualized])", e2.getMessage());

        VmDraft uefiOnXen = draft("x", VirtType.XEN_HVM, "x86_64", "debian12", new InstallSource.Pxe(),
                new StorageChoice.None(), new NetworkChoice.Bridge("b"), Firmware.UEFI);
        assertThrows(DraftException.class, () -> DomainXml.build(uefiOnXen, Fixtures.caps("xen"), Optional.empty()));
    }

    @Test
    void volumeXmlValidates() throws Exception {
        String xml = VolumeXml.build(new StorageChoice.NewVolume("default", "a.qcow2", 20, "qcow2"));
        assertNull(LibvirtSchema.problems(xml, "storagevol"));
        assertTrue(xml.contains("<capacity unit=\"GiB\">20</capacity>"), xml);
    }
}
