package org.vireo.connections.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** The parts of {@code virConnectGetCapabilities} the new-VM wizard needs: the host's arch and its guests. */
public record HostCapabilities(String hostArch, List<GuestCapability> guests) {
    public HostCapabilities {
        guests = List.copyOf(guests);
    }

    public static HostCapabilities parse(String xml, String hostName) throws HostXmlException {
        Element root = HostXml.parse(xml, "capabilities of " + hostName);
        if (!root.getTagName().equals("capabilities")) {
            throw new HostXmlException("capabilities of " + hostName + ": root element is <" + root.getTagName()
                    + ">, expected <capabilities>");
        }
        String hostArch = HostXml.path(root, "host", "cpu", "arch").map(HostXml::text).orElse("");
        List<GuestCapability> guests = new ArrayList<>();
        for (Element guest : HostXml.children(root, "guest")) {
            String osType = HostXml.childText(guest, "os_type");
            for (Element arch : HostXml.children(guest, "arch")) {
                List<String> machines = new ArrayList<>();
                Map<String, String> canonical = new LinkedHashMap<>();
                for (Element m : HostXml.children(arch, "machine")) {
                    String name = HostXml.text(m);
                    machines.add(name);
                    if (!m.getAttribute("canonical").isEmpty()) {
                        canonical.put(name, m.getAttribute("canonical"));
                    }
                }
                List<String> domainTypes = new ArrayList<>();
                for (Element d : HostXml.children(arch, "domain")) {
                    domainTypes.add(d.getAttribute("type"));
                }
                int wordSize = parseInt(HostXml.childText(arch, "wordsize"));
                guests.add(new GuestCapability(osType, arch.getAttribute("name"), wordSize,
                        HostXml.childText(arch, "emulator"), HostXml.childText(arch, "loader"),
                        machines, canonical, domainTypes));
            }
        }
        return new HostCapabilities(hostArch, guests);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Architectures guests can have, the host's own first. */
    public List<String> arches() {
        LinkedHashSet<String> arches = new LinkedHashSet<>();
        guests.stream().map(GuestCapability::arch).filter(hostArch::equals).forEach(arches::add);
        guests.forEach(g -> arches.add(g.arch()));
        return List.copyOf(arches);
    }

    /** Virt types offered for {@code arch}, in {@link VirtType} order (KVM before QEMU, PV before HVM). */
    public List<VirtType> virtTypes(String arch) {
        List<VirtType> types = new ArrayList<>();
        for (VirtType type : VirtType.values()) {
            if (guest(type, arch).isPresent()) {
                types.add(type);
            }
        }
        return types;
    }

    public Optional<GuestCapability> guest(VirtType type, String arch) {
        return guests.stream().filter(g -> g.arch().equals(arch) && g.offers(type)).findFirst();
    }

    /** The architecture to default to: the host's own if it can run it, else the first offered. */
    public String defaultArch() {
        List<String> arches = arches();
        return arches.isEmpty() ? hostArch : arches.get(0);
    }
}
