package org.vireo.connections.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCapabilitiesTest {
    static String fixture(String name) {
        try (InputStream in = HostCapabilitiesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void kvmHostOffersKvmAndQemuWithItsMachines() throws Exception {
        HostCapabilities caps = HostCapabilities.parse(fixture("capabilities-kvm.xml"), "a");
        assertEquals("x86_64", caps.hostArch());
        assertEquals("x86_64", caps.defaultArch());
        assertEquals(List.of(VirtType.KVM, VirtType.QEMU), caps.virtTypes("x86_64"));
        GuestCapability guest = caps.guest(VirtType.KVM, "x86_64").orElseThrow();
        assertEquals("/usr/bin/qemu-system-x86_64", guest.emulator());
        assertEquals("q35", guest.machineFor("q35").orElseThrow());
        assertEquals("pc", guest.machineFor("pc").orElseThrow());
        assertEquals("pc-i440fx-7.2", guest.canonical().get("pc"));
        assertTrue(caps.arches().contains("i686"));
    }

    @Test
    void xenHostOffersPvAndHvmButNotPvh() throws Exception {
        HostCapabilities caps = HostCapabilities.parse(fixture("capabilities-xen.xml"), "xen1");
        assertEquals(List.of(VirtType.XEN_PV, VirtType.XEN_HVM), caps.virtTypes("x86_64"));
        assertEquals(List.of(VirtType.XEN_PV), caps.virtTypes("i686"));
        GuestCapability hvm = caps.guest(VirtType.XEN_HVM, "x86_64").orElseThrow();
        assertEquals("/usr/lib/xen/boot/hvmloader", hvm.loader());
        assertEquals("xenfv", hvm.machineFor("q35").orElseThrow(), "no q35 on Xen: the host's own machine");
    }

    @Test
    void oldLinuxOsTypeIsXenPv() throws Exception {
        HostCapabilities caps = HostCapabilities.parse(fixture("capabilities-xen-linux.xml"), "old");
        assertEquals(List.of(VirtType.XEN_PV), caps.virtTypes("x86_64"));
    }

    @Test
    void domainCapabilitiesGiveFirmwareBusesAndVideo() throws Exception {
        DomainCapabilities dc = DomainCapabilities.parse(fixture("domcapabilities-kvm.xml"), "a");
        assertEquals("kvm", dc.domainType());
        assertTrue(dc.supportsUefi());
        assertEquals(List.of("/usr/share/OVMF/OVMF_CODE_4M.fd"), dc.loaders());
        assertTrue(dc.diskBuses().containsAll(List.of("virtio", "sata", "ide")));
        assertTrue(dc.videoModels().contains("virtio"));
        assertEquals(255, dc.maxVcpus());
    }

    @Test
    void doctypeAndEntitiesAreRefused() {
        String evil = "<?xml version='1.0'?><!DOCTYPE c [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<capabilities><host><cpu><arch>&x;</arch></cpu></host></capabilities>";
        HostXmlException e = assertThrows(HostXmlException.class, () -> HostCapabilities.parse(evil, "evil"));
        assertTrue(e.getMessage().startsWith("capabilities of evil: not well-formed XML"), e.getMessage());
    }

    @Test
    void wrongRootIsNamed() {
        HostXmlException e = assertThrows(HostXmlException.class, () -> HostCapabilities.parse("<domain/>", "h"));
        assertEquals("capabilities of h: root element is <domain>, expected <capabilities>", e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
