package org.vireo.connections.domain;

import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The domain XML of a clone, made from the source's inactive XML: new name, no UUID and no MAC addresses (libvirt
 * assigns fresh ones), each copied disk pointing at its copy, and no NVRAM path (libvirt makes a new one from the
 * template instead of sharing the source's).
 */
public final class CloneXml {
    private CloneXml() {
    }

    /**
     * @param newPaths old disk source path → path of its copy, or for pool volumes "pool/volume" → the copy's
     *                 volume name (disks not listed keep their source)
     */
    public static String of(String inactiveXml, String newName, Map<String, String> newPaths) throws DomainXmlException {
        Document doc = Xml.parse(inactiveXml);
        Element domain = doc.getDocumentElement();
        Xml.childOrNew(domain, "name").setTextContent(newName);
        Xml.child(domain, "uuid").ifPresent(Xml::remove);
        Xml.path(domain, "os", "nvram").ifPresent(Xml::remove);
        Element devices = Xml.child(domain, "devices").orElse(null);
        for (Element nic : Xml.children(devices, "interface")) {
            Xml.child(nic, "mac").ifPresent(Xml::remove);
            Xml.child(nic, "target").ifPresent(Xml::remove); // a fixed tap name would clash with the source's
        }
        for (Element disk : Xml.children(devices, "disk")) {
            Element source = Xml.child(disk, "source").orElse(null);
            if (source == null) {
                continue;
            }
            for (String attr : new String[] {"file", "dev"}) {
                String path = Xml.attr(source, attr);
                if (path != null && newPaths.containsKey(path)) {
                    source.setAttribute(attr, newPaths.get(path));
                }
            }
            String volume = Xml.attr(source, "volume");
            String key = Xml.attr(source, "pool") + "/" + volume;
            if (volume != null && newPaths.containsKey(key)) {
                source.setAttribute("volume", newPaths.get(key));
            }
        }
        return Xml.serialize(doc);
    }
}
