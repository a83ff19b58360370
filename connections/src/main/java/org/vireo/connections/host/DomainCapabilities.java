package org.vireo.connections.host;

import java.util.List;
import org.w3c.dom.Element;

/**
 * The parts of {@code virConnectGetDomainCapabilities} the wizard offers as choices.
 *
 * @param firmwares  values of {@code <os><enum name='firmware'>} (e.g. "efi"), for {@code <os firmware='…'>}
 * @param loaders    firmware images the host has ({@code <os><loader><value>})
 * @param diskBuses  {@code <disk><enum name='bus'>}
 * @param videoModels {@code <video><enum name='modelType'>}
 * @param maxVcpus   0 when not reported
 */
public record DomainCapabilities(String emulator, String domainType, String machine, String arch,
                                 List<String> firmwares, List<String> loaders, List<String> diskBuses,
                                 List<String> videoModels, int maxVcpus) {
    public DomainCapabilities {
        firmwares = List.copyOf(firmwares);
        loaders = List.copyOf(loaders);
        diskBuses = List.copyOf(diskBuses);
        videoModels = List.copyOf(videoModels);
    }

    public static DomainCapabilities parse(String xml, String hostName) throws HostXmlException {
        String what = "domain capabilities of " + hostName;
        Element root = HostXml.parse(xml, what);
        if (!root.getTagName().equals("domainCapabilities")) {
            throw new HostXmlException(what + ": root element is <" + root.getTagName()
                    + ">, expected <domainCapabilities>");
        }
        Element os = HostXml.child(root, "os").filter(e -> !"no".equals(e.getAttribute("supported"))).orElse(null);
        Element loader = os == null ? null : HostXml.child(os, "loader")
                .filter(e -> !"no".equals(e.getAttribute("supported"))).orElse(null);
        Element devices = HostXml.child(root, "devices").orElse(null);
        int maxVcpus = HostXml.child(root, "vcpu").map(v -> {
            try {
                return Integer.parseInt(v.getAttribute("max"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
        return new DomainCapabilities(HostXml.childText(root, "path"), HostXml.childText(root, "domain"),
                HostXml.childText(root, "machine"), HostXml.childText(root, "arch"),
                HostXml.enumValues(os, "firmware"),
                loader == null ? List.of() : HostXml.children(loader, "value").stream().map(HostXml::text).toList(),
                HostXml.enumValues(HostXml.child(devices, "disk").orElse(null), "bus"),
                HostXml.enumValues(HostXml.child(devices, "video").orElse(null), "modelType"),
                maxVcpus);
    }

    /** UEFI is possible when libvirt can pick EFI firmware itself, or lists an EFI loader. */
    public boolean supportsUefi() {
        return firmwares.contains("efi") || loaders.stream().anyMatch(l -> l.toLowerCase().contains("ovmf")
                || l.toLowerCase().contains("efi"));
    }
}
