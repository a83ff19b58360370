package org.vireo.connections.domain;

import java.util.List;
import java.util.Set;
import org.vireo.resources.InvalidValueException;
import org.vireo.resources.Text;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the user changed on the Hardware tab; null fields stay as they are. Applied to a fresh copy of the
 * inactive XML so that everything else (including what another program changed meanwhile) is kept.
 *
 * @param memoryKiB   new maximum and current memory
 * @param bootDevices new {@code <os><boot dev>} order (hd, cdrom, network, fd)
 * @param description new {@code <description>}; empty removes it
 */
public record HardwareEdit(Long memoryKiB, Integer vcpus, List<String> bootDevices, String description) {
    public static final Set<String> BOOT_DEVICES = Set.of("hd", "cdrom", "network", "fd");

    public HardwareEdit {
        if (memoryKiB != null && memoryKiB <= 0) {
            throw new InvalidValueException(Text.of("vm.edit.memory", memoryKiB));
        }
        if (vcpus != null && vcpus <= 0) {
            throw new InvalidValueException(Text.of("vm.edit.vcpus", vcpus));
        }
        if (bootDevices != null) {
            bootDevices = List.copyOf(bootDevices);
            for (String dev : bootDevices) {
                if (!BOOT_DEVICES.contains(dev)) {
                    throw new InvalidValueException(Text.of("vm.edit.bootDevice", dev, BOOT_DEVICES));
                }
            }
        }
    }

    public boolean isEmpty() {
        return memoryKiB == null && vcpus == null && bootDevices == null && description == null;
    }

    /** Applies the edit to {@code xml} (a domain XML) and returns the new XML. */
    public String applyTo(String xml) throws DomainXmlException {
        Document doc = Xml.parse(xml);
        Element domain = doc.getDocumentElement();
        if (memoryKiB != null) {
            setMemory(domain, "memory");
            if (Xml.child(domain, "currentMemory").isPresent()) {
                setMemory(domain, "currentMemory");
            }
        }
        if (vcpus != null) {
            Element vcpu = Xml.childOrNew(domain, "vcpu");
            vcpu.setTextContent(Integer.toString(vcpus));
            String current = Xml.attr(vcpu, "current");
            if (current != null && parse(current) > vcpus) {
                vcpu.setAttribute("current", Integer.toString(vcpus));
            }
        }
        if (bootDevices != null) {
            setBoot(domain);
        }
        if (description != null) {
            if (description.isEmpty()) {
                Xml.child(domain, "description").ifPresent(Xml::remove);
            } else {
                Xml.childOrNew(domain, "description").setTextContent(description);
            }
        }
        return Xml.serialize(doc);
    }

    private void setMemory(Element domain, String name) {
        Element memory = Xml.childOrNew(domain, name);
        memory.setAttribute("unit", "KiB");
        memory.setTextContent(Long.toString(memoryKiB));
    }

    private void setBoot(Element domain) throws DomainXmlException {
        Element devices = Xml.child(domain, "devices").orElse(null);
        if (devices != null && Xml.children(devices).stream().anyMatch(d -> Xml.child(d, "boot").isPresent())) {
            throw new DomainXmlException(Text.of("vm.edit.bootPerDevice"));
        }
        Element os = Xml.child(domain, "os").orElseThrow(() -> new DomainXmlException(Text.of("vm.edit.noOs")));
        List<Element> old = Xml.children(os, "boot");
        Document doc = domain.getOwnerDocument();
        org.w3c.dom.Node anchor;
        String indent;
        if (old.isEmpty()) {
            Element type = Xml.child(os, "type").orElse(null);
            anchor = type == null ? os.getFirstChild() : type.getNextSibling();
            indent = "\n    ";
        } else {
            anchor = old.get(0);
            org.w3c.dom.Node ws = anchor.getPreviousSibling();
            indent = ws != null && ws.getNodeType() == org.w3c.dom.Node.TEXT_NODE && ws.getTextContent().isBlank()
                    ? ws.getTextContent() : "\n    ";
        }
        // Each new <boot> goes before the anchor with the same indentation; then the old ones leave with theirs.
        for (String dev : bootDevices) {
            Element boot = doc.createElement("boot");
            boot.setAttribute("dev", dev);
            if (old.isEmpty()) {
                os.insertBefore(doc.createTextNode(indent), anchor);
                os.insertBefore(boot, anchor);
            } else {
                os.insertBefore(boot, anchor);
                os.insertBefore(doc.createTextNode(indent), anchor);
            }
        }
        old.forEach(Xml::remove);
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
