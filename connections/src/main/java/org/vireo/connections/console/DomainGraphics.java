package org.vireo.connections.console;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the {@code <devices><graphics>} elements of a domain XML: port, listen address (attribute or
 * {@code <listen type='address'|'network'>}), UNIX socket (attribute or {@code <listen type='socket'>}) and
 * password. The XML comes from a host, so DTDs and entities are refused.
 */
public final class DomainGraphics {
    private DomainGraphics() {
    }

    /** Every graphics device in document order. */
    public static List<Graphics> parse(String domainXml) throws InvalidGraphicsException {
        Document doc = parseXml(domainXml);
        Element root = doc.getDocumentElement();
        if (root == null || !root.getTagName().equals("domain")) {
            throw new InvalidGraphicsException("not a domain XML (root element is "
                    + (root == null ? "missing" : "<" + root.getTagName() + ">") + ")");
        }
        List<Graphics> found = new ArrayList<>();
        for (Element devices : children(root, "devices")) {
            for (Element g : children(devices, "graphics")) {
                found.add(graphics(g));
            }
        }
        return found;
    }

    /** The first VNC device, if any. */
    public static Optional<Graphics> firstVnc(List<Graphics> all) {
        return all.stream().filter(Graphics::isVnc).findFirst();
    }

    private static Graphics graphics(Element g) throws InvalidGraphicsException {
        String type = g.getAttribute("type");
        if (type.isEmpty()) {
            throw new InvalidGraphicsException("<graphics> without a type attribute");
        }
        int port = port(g, type);
        boolean autoport = "yes".equals(g.getAttribute("autoport"));
        String listen = emptyToNull(g.getAttribute("listen"));
        String socket = emptyToNull(g.getAttribute("socket"));
        for (Element l : children(g, "listen")) {
            switch (l.getAttribute("type")) {
                case "address", "network" -> {
                    if (listen == null) {
                        listen = emptyToNull(l.getAttribute("address"));
                    }
                }
                case "socket" -> {
                    if (socket == null) {
                        socket = emptyToNull(l.getAttribute("socket"));
                    }
                }
                default -> {
                    // "none": no listener at all (only reachable through libvirt's fd passing)
                }
            }
        }
        return new Graphics(type, socket != null && port <= 0 ? -1 : port, autoport, listen, socket,
                g.hasAttribute("passwd") ? g.getAttribute("passwd") : null);
    }

    private static int port(Element g, String type) throws InvalidGraphicsException {
        String text = g.getAttribute("port");
        if (text.isEmpty()) {
            return -1;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port < -1 || port > 65535) {
                throw new NumberFormatException("out of range");
            }
            return port == 0 ? -1 : port;
        } catch (NumberFormatException e) {
            throw new InvalidGraphicsException("the " + type + " graphics port '" + text + "' is not a port number");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parseXml(String xml) throws InvalidGraphicsException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors thrown, not printed
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        } catch (SAXException | IOException e) {
            throw new InvalidGraphicsException("the domain XML is not well-formed: " + e.getMessage());
        }
    }
}
