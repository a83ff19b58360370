package org.vireo.connections.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** DOM helpers for libvirt XML: parsing without DTDs or entities, serializing without a declaration. */
public final class Xml {
    private Xml() {
    }

    /** Parses {@code xml}; a problem names its line and column. */
    public static Document parse(String xml) throws DomainXmlException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // no default printing to stderr; the exception says it all
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new DomainXmlException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DomainXmlException(e.getMessage(), e);
        }
    }

    /** The document as text, without an XML declaration (as libvirt writes it). */
    public static String serialize(Document doc) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            String text = out.toString();
            return text.endsWith("\n") ? text : text + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize a DOM document: " + e.getMessage(), e);
        }
    }

    /** Element children of {@code parent} named {@code name} (local name, any namespace). */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** All element children of {@code parent}. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** Follows a path of child names; empty when any step is missing. */
    public static Optional<Element> path(Element start, String... names) {
        Element current = start;
        for (String name : names) {
            Optional<Element> next = child(current, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** Trimmed text of the child path, or null. */
    public static String text(Element start, String... names) {
        return path(start, names).map(e -> e.getTextContent().strip()).orElse(null);
    }

    /** The attribute's value, or null when absent. */
    public static String attr(Element element, String name) {
        if (element == null || !element.hasAttribute(name)) {
            return null;
        }
        return element.getAttribute(name);
    }

    public static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** The existing child, or a new one appended (indented like its siblings would be is not attempted). */
    public static Element childOrNew(Element parent, String name) {
        return child(parent, name).orElseGet(() -> {
            Element created = parent.getOwnerDocument().createElement(name);
            parent.appendChild(created);
            return created;
        });
    }

    /** Removes {@code element} and the whitespace before it, so no blank line remains. */
    public static void remove(Element element) {
        Node parent = element.getParentNode();
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            parent.removeChild(before);
        }
        parent.removeChild(element);
    }
}
