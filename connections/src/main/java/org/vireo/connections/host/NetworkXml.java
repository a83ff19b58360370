package org.vireo.connections.host;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads what the host page shows of a virtual network from its XML (libvirt's formatnetwork). */
public final class NetworkXml {
    private NetworkXml() {
    }

    public static NetworkInfo parse(String xml, boolean active, boolean autostart) throws HostXmlException {
        Element root = HostXml.parse(xml, "network");
        String name = HostXml.childText(root, "name");
        String bridge = HostXml.child(root, "bridge").map(b -> b.getAttribute("name")).orElse("");
        return new NetworkInfo(name, active, bridge, autostart, forwardMode(root), ipRange(root));
    }

    /** A {@code <forward>} without a mode means NAT; no {@code <forward>} at all is an isolated network. */
    private static String forwardMode(Element root) {
        return HostXml.child(root, "forward").map(f -> f.getAttribute("mode").isEmpty() ? "nat" : f.getAttribute("mode"))
                .orElse("");
    }

    private static String ipRange(Element root) {
        List<Element> ips = HostXml.children(root, "ip");
        for (Element ip : ips) {
            Optional<Element> range = HostXml.path(ip, "dhcp", "range");
            if (range.isPresent()) {
                return range.get().getAttribute("start") + " – " + range.get().getAttribute("end");
            }
        }
        if (ips.isEmpty()) {
            return "";
        }
        Element ip = ips.get(0);
        String prefix = ip.getAttribute("prefix");
        String netmask = ip.getAttribute("netmask");
        String suffix = !prefix.isEmpty() ? "/" + prefix : !netmask.isEmpty() ? "/" + netmask : "";
        return ip.getAttribute("address") + suffix;
    }
}
