package org.vireo.connections.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the details page shows of a domain XML: the facts and the hardware list. Tolerant: any element may be
 * missing (domains with no devices at all, Xen PV guests, test-driver oddities), never throws on content.
 */
public record DomainDescription(String name, String uuid, String type, String title, String description,
                                long memoryKiB, long currentMemoryKiB, int vcpus, String osType, String arch,
                                String machine, String osId, List<String> bootDevices, boolean deviceBootOrder,
                                List<DiskInfo> disks, List<String> macs, List<HardwareItem> hardware) {
    private static final String LIBOSINFO = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    public static DomainDescription parse(String xml) throws DomainXmlException {
        Document doc = Xml.parse(xml);
        Element domain = doc.getDocumentElement();
        if (!"domain".equals(Xml.localName(domain))) {
            throw new DomainXmlException("the root element is <" + Xml.localName(domain) + ">, expected <domain>");
        }
        long memory = memory(domain, "memory");
        long current = memory(domain, "currentMemory");
        int vcpus = vcpus(domain);
        Element os = Xml.child(domain, "os").orElse(null);
        Element type = Xml.child(os, "type").orElse(null);
        List<String> boot = Xml.children(os, "boot").stream().map(b -> Xml.attr(b, "dev")).filter(d -> d != null)
                .toList();
        Element devices = Xml.child(domain, "devices").orElse(null);
        boolean deviceBoot = devices != null && Xml.children(devices).stream()
                .anyMatch(d -> Xml.child(d, "boot").isPresent());
        List<DiskInfo> disks = Xml.children(devices, "disk").stream().map(DomainDescription::disk).toList();
        List<String> macs = new ArrayList<>();
        for (Element nic : Xml.children(devices, "interface")) {
            Xml.child(nic, "mac").map(m -> Xml.attr(m, "address")).ifPresent(macs::add);
        }
        DomainDescription partial = new DomainDescription(Xml.text(domain, "name"), Xml.text(domain, "uuid"),
                Xml.attr(domain, "type"), Xml.text(domain, "title"), Xml.text(domain, "description"), memory,
                current < 0 ? memory : current, vcpus, type == null ? null : type.getTextContent().strip(),
                Xml.attr(type, "arch"), Xml.attr(type, "machine"), osId(domain), boot, deviceBoot, disks,
                macs, List.of());
        return partial.withHardware(hardware(partial, devices));
    }

    private DomainDescription withHardware(List<HardwareItem> items) {
        return new DomainDescription(name, uuid, type, title, description, memoryKiB, currentMemoryKiB, vcpus,
                osType, arch, machine, osId, List.copyOf(bootDevices), deviceBootOrder, List.copyOf(disks),
                List.copyOf(macs), List.copyOf(items));
    }

    private static long memory(Element domain, String name) {
        return Xml.child(domain, name).map(e -> MemoryUnits.toKiB(e.getTextContent(), Xml.attr(e, "unit")))
                .orElse(-1L);
    }

    private static int vcpus(Element domain) {
        String text = Xml.text(domain, "vcpu");
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** libosinfo's OS id from {@code <metadata><libosinfo:libosinfo><libosinfo:os id="..."/>}. */
    private static String osId(Element domain) {
        Element metadata = Xml.child(domain, "metadata").orElse(null);
        for (Element entry : Xml.children(metadata)) {
            if (LIBOSINFO.equals(entry.getNamespaceURI())) {
                for (Element os : Xml.children(entry, "os")) {
                    String id = Xml.attr(os, "id");
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    private static DiskInfo disk(Element disk) {
        Element source = Xml.child(disk, "source").orElse(null);
        String path = null;
        if (source != null) {
            path = Xml.attr(source, "file");
            if (path == null) {
                path = Xml.attr(source, "dev");
            }
        }
        Element target = Xml.child(disk, "target").orElse(null);
        return new DiskInfo(Xml.attr(target, "dev"), orDefault(Xml.attr(disk, "device"), "disk"),
                Xml.attr(disk, "type"), Xml.attr(target, "bus"), path, Xml.attr(source, "pool"),
                Xml.attr(source, "volume"), Xml.child(disk, "readonly").isPresent(),
                Xml.child(disk, "shareable").isPresent());
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static List<HardwareItem> hardware(DomainDescription d, Element devices) {
        List<HardwareItem> items = new ArrayList<>();
        items.add(new HardwareItem(HardwareItem.Kind.CPU, "CPUs", props("vCPUs", Integer.toString(d.vcpus),
                "Architecture", d.arch)));
        items.add(new HardwareItem(HardwareItem.Kind.MEMORY, "Memory", props("Maximum (KiB)",
                d.memoryKiB < 0 ? null : Long.toString(d.memoryKiB), "Current (KiB)",
                d.currentMemoryKiB < 0 ? null : Long.toString(d.currentMemoryKiB))));
        items.add(new HardwareItem(HardwareItem.Kind.BOOT, "Boot options", props("OS type", d.osType,
                "Machine", d.machine, "Boot order", d.deviceBootOrder ? "per device" : String.join(", ", d.bootDevices))));
        for (Element device : Xml.children(devices)) {
            items.add(device(device));
        }
        return items;
    }

    private static HardwareItem device(Element e) {
        String kind = Xml.localName(e);
        switch (kind) {
            case "disk" -> {
                DiskInfo disk = disk(e);
                return new HardwareItem(HardwareItem.Kind.DISK, label(disk.device()) + " " + orDefault(disk.target(), "?"),
                        props("Device", disk.device(), "Bus", disk.bus(), "Source", disk.sourcePath() != null
                                ? disk.sourcePath() : disk.volume() != null ? disk.pool() + "/" + disk.volume() : null,
                                "Read-only", disk.readOnly() ? "yes" : null));
            }
            case "interface" -> {
                String mac = Xml.child(e, "mac").map(m -> Xml.attr(m, "address")).orElse(null);
                Element source = Xml.child(e, "source").orElse(null);
                String src = null;
                if (source != null) {
                    for (String a : List.of("network", "bridge", "dev", "address")) {
                        if (src == null) {
                            src = Xml.attr(source, a);
                        }
                    }
                }
                return new HardwareItem(HardwareItem.Kind.NIC, "NIC " + orDefault(mac, "(no MAC)"),
                        props("Type", Xml.attr(e, "type"), "Source", src, "Model",
                                Xml.child(e, "model").map(m -> Xml.attr(m, "type")).orElse(null), "MAC", mac));
            }
            case "graphics" -> {
                String type = Xml.attr(e, "type");
                return new HardwareItem(HardwareItem.Kind.GRAPHICS, "Display " + orDefault(type, "?").toUpperCase(
                        java.util.Locale.ROOT), props("Type", type, "Port", Xml.attr(e, "port"), "Listen",
                        Xml.attr(e, "listen")));
            }
            case "video" -> {
                Element model = Xml.child(e, "model").orElse(null);
                return new HardwareItem(HardwareItem.Kind.VIDEO, "Video " + orDefault(Xml.attr(model, "type"), ""),
                        props("Model", Xml.attr(model, "type"), "VRAM", Xml.attr(model, "vram"), "Heads",
                                Xml.attr(model, "heads")));
            }
            case "controller" -> {
                String type = Xml.attr(e, "type");
                return new HardwareItem(HardwareItem.Kind.CONTROLLER, "Controller " + orDefault(type, "?") + " "
                        + orDefault(Xml.attr(e, "index"), ""), props("Type", type, "Index", Xml.attr(e, "index"),
                        "Model", Xml.attr(e, "model")));
            }
            default -> {
                String type = Xml.attr(e, "type");
                return new HardwareItem(HardwareItem.Kind.OTHER, kind + (type == null ? "" : " " + type),
                        props("Element", kind, "Type", type));
            }
        }
    }

    private static String label(String device) {
        return switch (device) {
            case "cdrom" -> "CD-ROM";
            case "floppy" -> "Floppy";
            case "lun" -> "LUN";
            default -> "Disk";
        };
    }

    /** Alternating names and values; null values are left out. */
    private static Map<String, String> props(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
