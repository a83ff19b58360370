package org.vireo.connections.host;

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
 * XML a host sends us, parsed without trusting it: no DOCTYPE, no external entities or schemas, no XInclude.
 * Small helpers to walk direct children, which is all libvirt's formats need.
 */
public final class HostXml {
    private HostXml() {
    }

    /** @param what names the document in the error, e.g. "capabilities of host-a" */
    public static Element parse(String xml, String what) throws HostXmlException {
        if (xml == null || xml.isBlank()) {
            throw new HostXmlException(what + ": empty XML");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new HostXmlException(what + ": not well-formed XML (" + e.getMessage() + ")", e);
        }
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    public static Optional<Element> child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Follows a path of child names, e.g. {@code path(root, "os", "loader")}. */
    public static Optional<Element> path(Element start, String... names) {
        Optional<Element> at = Optional.ofNullable(start);
        for (String name : names) {
            at = at.flatMap(e -> child(e, name));
        }
        return at;
    }

    public static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }

    public static String childText(Element parent, String name) {
        return child(parent, name).map(HostXml::text).orElse("");
    }

    /** The {@code <value>}s of {@code <enum name='NAME'>} under {@code parent}. */
    public static List<String> enumValues(Element parent, String name) {
        for (Element e : children(parent, "enum")) {
            if (name.equals(e.getAttribute("name"))) {
                return children(e, "value").stream().map(HostXml::text).toList();
            }
        }
        return List.of();
    }
}
