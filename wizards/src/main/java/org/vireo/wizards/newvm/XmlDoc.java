package org.vireo.wizards.newvm;

import java.io.StringWriter;
import javax.xml.XMLConstants;
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

/** A small DOM builder: every value goes through the XML API, so names and paths are escaped by it. */
final class XmlDoc {
    private final Document doc;

    XmlDoc(String rootName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder in this JDK", e);
        }
        doc.appendChild(doc.createElement(rootName));
    }

    Element root() {
        return doc.getDocumentElement();
    }

    /** Appends {@code <name attr1='v1' …>} to {@code parent}; attributes as name, value pairs. */
    Element add(Element parent, String name, String... attributes) {
        Element e = doc.createElement(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            e.setAttribute(attributes[i], attributes[i + 1]);
        }
        parent.appendChild(e);
        return e;
    }

    Element addText(Element parent, String name, String text, String... attributes) {
        Element e = add(parent, name, attributes);
        e.setTextContent(text);
        return e;
    }

    Element addNs(Element parent, String namespace, String qualifiedName) {
        Element e = doc.createElementNS(namespace, qualifiedName);
        parent.appendChild(e);
        return e;
    }

    String serialize() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().strip() + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize XML: " + e.getMessage(), e);
        }
    }
}
