package org.vireo.wizards.newvm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vireo.connections.host.DomainCapabilities;
import org.vireo.connections.host.GuestCapability;
import org.vireo.connections.host.HostCapabilities;
import org.vireo.connections.host.VirtType;
import org.w3c.dom.Element;

/**
 * Turns a {@link VmDraft} into libvirt domain XML for one host, choosing buses, machine and emulator from what
 * the host reports (capabilities, domain capabilities) rather than assuming them.
 */
public final class DomainXml {
    /** Our own metadata namespace: the OS choice survives in the domain for later edits. */
    public static final String METADATA_NS = "https://vireo.example.org/xmlns/domain/1";

    private final VmDraft draft;
    private final GuestCapability guest;
    private final Optional<DomainCapabilities> domCaps;
    private final Map<String, Integer> nextTarget = new HashMap<>();
    private XmlDoc xml;

    private DomainXml(VmDraft draft, GuestCapability guest, Optional<DomainCapabilities> domCaps) {
        this.draft = draft;
        this.guest = guest;
        this.domCaps = domCaps;
    }

    /**
     * @throws DraftException the host cannot run the draft (virt type or arch it does not offer, a source the virt
     *                        type cannot boot)
     */
    public static String build(VmDraft draft, HostCapabilities caps, Optional<DomainCapabilities> domCaps)
            throws DraftException {
        GuestCapability guest = caps.guest(draft.virtType(), draft.arch()).orElseThrow(() -> new DraftException(
                "newVm.err.virtTypeNotOffered", draft.virtType().label(), draft.arch(),
                caps.virtTypes(draft.arch()).stream().map(VirtType::label).toList().toString()));
        checkBootable(draft);
        if (draft.firmware() == Firmware.UEFI && domCaps.map(d -> !d.supportsUefi()).orElse(true)) {
            throw new DraftException("newVm.err.noUefi", draft.virtType().label());
        }
        return new DomainXml(draft, guest, domCaps).build();
    }

    static void checkBootable(VmDraft draft) throws DraftException {
        InstallSource.Kind kind = draft.source().kind();
        if (!draft.virtType().isHvm() && (kind == InstallSource.Kind.CDROM || kind == InstallSource.Kind.PXE)) {
            throw new DraftException(kind == InstallSource.Kind.CDROM ? "newVm.err.xenPvCdrom" : "newVm.err.xenPvPxe");
        }
        if (kind == InstallSource.Kind.PXE && draft.network() instanceof NetworkChoice.None) {
            throw new DraftException("newVm.err.pxeNeedsNetwork");
        }
    }

    private String build() {
        xml = new XmlDoc("domain");
        Element domain = xml.root();
        domain.setAttribute("type", draft.virtType().domainType());
        xml.addText(domain, "name", draft.name());
        Element metadata = xml.add(domain, "metadata");
        Element os = xml.addNs(metadata, METADATA_NS, "vireo:os");
        os.setAttribute("id", draft.os().id());
        xml.addText(domain, "memory", Integer.toString(draft.memoryMiB()), "unit", "MiB");
        xml.addText(domain, "currentMemory", Integer.toString(draft.memoryMiB()), "unit", "MiB");
        xml.addText(domain, "vcpu", Integer.toString(draft.vcpus()));
        if (!draft.virtType().isHvm() && !(draft.source() instanceof InstallSource.Location l && l.fetched())) {
            xml.addText(domain, "bootloader", "pygrub"); // a PV guest boots the kernel inside its own disk
        }
        os(domain);
        if (draft.virtType().isHvm()) {
            Element features = xml.add(domain, "features");
            xml.add(features, "acpi");
            xml.add(features, "apic");
            if (draft.virtType().isXen()) {
                xml.add(features, "pae");
            }
        }
        // No <cpu>: libvirt's default model. host-passthrough (and host-model, which copies arch-capabilities)
        // made QEMU abort under nested KVM on the test bed ("failed to set MSR 0x10a"); a CPU choice belongs to
        // the details editor.
        xml.add(domain, "clock", "offset", draft.os().family().equals("windows") ? "localtime" : "utc");
        xml.addText(domain, "on_poweroff", "destroy");
        xml.addText(domain, "on_reboot", "restart");
        xml.addText(domain, "on_crash", "destroy");
        devices(xml.add(domain, "devices"));
        return xml.serialize();
    }

    private void os(Element domain) {
        Element os = xml.add(domain, "os");
        if (draft.firmware() == Firmware.UEFI) {
            os.setAttribute("firmware", "efi");
        }
        Element type = xml.addText(os, "type", draft.virtType().osType(), "arch", draft.arch());
        machine().ifPresent(m -> type.setAttribute("machine", m));
        if (draft.virtType().isXen() && draft.virtType().isHvm() && !guest.loader().isEmpty()
                && draft.firmware() == Firmware.BIOS) {
            xml.addText(os, "loader", guest.loader());
        }
        if (draft.source() instanceof InstallSource.Location location && location.fetched()) {
            xml.addText(os, "kernel", location.kernelPath());
            xml.addText(os, "initrd", location.initrdPath());
            String args = location.kernelArgs().isBlank() ? "" : location.kernelArgs().strip();
            xml.addText(os, "cmdline", draft.os().family().equals("debian") || draft.os().family().equals("ubuntu")
                    ? args : ("inst.repo=" + location.url() + " " + args).strip());
        }
        if (draft.virtType().isHvm()) {
            switch (draft.source().kind()) {
                case CDROM -> {
                    xml.add(os, "boot", "dev", "cdrom");
                    xml.add(os, "boot", "dev", "hd");
                }
                case PXE -> {
                    xml.add(os, "boot", "dev", "network");
                    xml.add(os, "boot", "dev", "hd");
                }
                case IMPORT, LOCATION -> xml.add(os, "boot", "dev", "hd");
            }
        }
    }

    /** q35 or pc as the OS prefers, where the host has it; the host's own machine on Xen and the test driver. */
    private Optional<String> machine() {
        return guest.machineFor(draft.machineFamily());
    }

    private boolean q35() {
        return machine().map(m -> m.equals("q35") || m.startsWith("pc-q35")).orElse(false);
    }

    private void devices(Element devices) {
        if (!guest.emulator().isEmpty()) {
            xml.addText(devices, "emulator", guest.emulator());
        }
        String bus = diskBus();
        if (draft.source() instanceof InstallSource.Import imported) {
            disk(devices, "disk", imported.disk(), imported.format(), bus);
        }
        if (draft.storage() instanceof StorageChoice.NewVolume volume) {
            disk(devices, "disk", new DiskRef.PoolVolume(volume.pool(), volume.volumeName()), volume.format(), bus);
        } else if (draft.storage() instanceof StorageChoice.Existing existing) {
            disk(devices, "disk", existing.disk(), existing.format(), bus);
        }
        if (draft.source() instanceof InstallSource.Cdrom cdrom) {
            disk(devices, "cdrom", cdrom.iso(), "raw", cdromBus());
        }
        nic(devices);
        xml.add(devices, "graphics", "type", "vnc", "port", "-1", "autoport", "yes", "listen", "127.0.0.1");
        if (draft.virtType().isHvm()) {
            xml.add(xml.add(devices, "video"), "model", "type", videoModel());
            if (!draft.virtType().isXen()) {
                xml.add(devices, "input", "type", "tablet", "bus", "usb");
            }
        }
        Element console = xml.add(devices, "console", "type", "pty");
        if (!draft.virtType().isHvm()) {
            xml.add(console, "target", "type", "xen", "port", "0");
        }
    }

    private void disk(Element devices, String device, DiskRef ref, String format, String bus) {
        Element disk = xml.add(devices, "disk", "type", ref instanceof DiskRef.PoolVolume ? "volume" : "file",
                "device", device);
        xml.add(disk, "driver", "name", "qemu", "type", format);
        if (ref instanceof DiskRef.PoolVolume pv) {
            xml.add(disk, "source", "pool", pv.pool(), "volume", pv.volume());
        } else {
            xml.add(disk, "source", "file", ((DiskRef.FilePath) ref).path());
        }
        xml.add(disk, "target", "dev", targetDev(bus), "bus", bus);
        if (device.equals("cdrom")) {
            xml.add(disk, "readonly");
        }
    }

    private String targetDev(String bus) {
        String prefix = switch (bus) {
            case "virtio" -> "vd";
            case "xen" -> "xvd";
            case "ide" -> "hd";
            default -> "sd";
        };
        int index = nextTarget.merge(prefix, 1, Integer::sum) - 1;
        return prefix + (char) ('a' + index);
    }

    /** virtio when the OS has drivers and the host offers it; Xen's own bus for PV; else sata (q35) or ide. */
    private String diskBus() {
        if (draft.virtType().isXen()) {
            return !draft.virtType().isHvm() || draft.os().virtio() ? "xen" : "ide";
        }
        if (draft.os().virtio() && offeredBus("virtio")) {
            return "virtio";
        }
        return cdromBus();
    }

    private String cdromBus() {
        if (draft.virtType().isXen()) {
            return "ide";
        }
        return q35() || !offeredBus("ide") ? "sata" : "ide";
    }

    private boolean offeredBus(String bus) {
        return domCaps.map(d -> d.diskBuses().isEmpty() || d.diskBuses().contains(bus)).orElse(true);
    }

    private String videoModel() {
        List<String> offered = domCaps.map(DomainCapabilities::videoModels).orElse(List.of());
        if (draft.os().virtio() && !draft.virtType().isXen() && offered.contains("virtio")) {
            return "virtio";
        }
        return offered.isEmpty() || offered.contains("vga") ? "vga" : offered.get(0);
    }

    private void nic(Element devices) {
        Element nic;
        if (draft.network() instanceof NetworkChoice.VirtualNetwork net) {
            nic = xml.add(devices, "interface", "type", "network");
            xml.add(nic, "source", "network", net.name());
        } else if (draft.network() instanceof NetworkChoice.Bridge bridge) {
            nic = xml.add(devices, "interface", "type", "bridge");
            xml.add(nic, "source", "bridge", bridge.name());
        } else {
            return;
        }
        if (draft.virtType().isHvm() && !draft.virtType().isXen()) {
            xml.add(nic, "model", "type", draft.os().virtio() ? "virtio" : "e1000e");
        }
    }
}
