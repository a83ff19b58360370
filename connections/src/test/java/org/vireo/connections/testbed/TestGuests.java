package org.vireo.connections.testbed;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
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
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Small diskless guests for the test bed: hvm, 128 MiB, 1 vCPU, VGA, VNC on 127.0.0.1, no disk and
 * no NIC. They boot to SeaBIOS in about a second. One instance remembers the guests it defined so
 * that {@link #cleanup} removes exactly those.
 */
public final class TestGuests {

    /** Guest names the test bed accepts; also keeps names free of XML and shell metacharacters. */
    public static final Pattern NAME_RULE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");

    private final String virtType;
    private final Set<String> made = new LinkedHashSet<>();

    /** @param virtType domain type, {@code kvm} or {@code qemu} (see {@link Testbed#virtType()}) */
    public TestGuests(String virtType) {
        if (!virtType.equals("kvm") && !virtType.equals("qemu")) {
            throw new IllegalArgumentException("domain type must be kvm or qemu, got '" + virtType + "'");
        }
        this.virtType = virtType;
    }

    public TestGuests(Testbed testbed) {
        this(testbed.virtType());
    }

    /** {@code prefix-<random>}, unique enough that parallel or repeated runs never meet. */
    public static String uniqueName(String prefix) {
        String name = prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return requireValidName(name);
    }

    public static String requireValidName(String name) {
        if (name == null || !NAME_RULE.matcher(name).matches()) {
            throw new IllegalArgumentException("guest name '" + name + "' is invalid: 1-63 of A-Z a-z 0-9 . _ -, "
                    + "starting with a letter or digit");
        }
        return name;
    }

    /** The domain XML of a diskless guest called {@code name}. */
    public String domainXml(String name) {
        requireValidName(name);
        Document doc = newBuilder().newDocument();
        Element domain = doc.createElement("domain");
        domain.setAttribute("type", virtType);
        doc.appendChild(domain);
        child(domain, "name").setTextContent(name);
        Element memory = child(domain, "memory");
        memory.setAttribute("unit", "MiB");
        memory.setTextContent("128");
        child(domain, "vcpu").setTextContent("1");
        Element os = child(domain, "os");
        Element type = child(os, "type");
        type.setAttribute("arch", "x86_64");
        type.setTextContent("hvm");
        child(os, "boot").setAttribute("dev", "hd");
        child(domain, "on_poweroff").setTextContent("destroy");
        Element devices = child(domain, "devices");
        Element graphics = child(devices, "graphics");
        graphics.setAttribute("type", "vnc");
        graphics.setAttribute("port", "-1");
        graphics.setAttribute("autoport", "yes");
        graphics.setAttribute("listen", "127.0.0.1");
        child(child(devices, "video"), "model").setAttribute("type", "vga");
        return serialize(doc);
    }

    /** Defines (does not start) a diskless guest on {@code conn}; {@link #cleanup} will remove it. */
    public Domain define(Connect conn, String name) throws LibvirtException {
        Domain domain = conn.domainDefineXML(domainXml(name));
        made.add(name);
        return domain;
    }

    /** Destroys and undefines the guests this instance defined whose names start with {@code prefix}. */
    public void cleanup(Connect conn, String prefix) throws LibvirtException {
        List<String> failures = new ArrayList<>();
        for (String name : List.copyOf(made)) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            Domain domain;
            try {
                domain = conn.domainLookupByName(name);
            } catch (LibvirtException e) {
                if (e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    continue; // not on this host (never was, or moved away): another cleanup's job
                }
                throw e;
            }
            try {
                if (domain.isActive() == 1) {
                    domain.destroy();
                }
                domain.undefine();
                made.remove(name);
            } catch (LibvirtException e) {
                failures.add(name + ": " + e.getMessage());
            } finally {
                domain.free();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not remove test guests " + failures);
        }
    }

    /** The VNC port of a running guest, from its live XML ({@code <graphics type='vnc' port=...>}). */
    public static int vncPort(String liveXml) {
        Document doc = parse(liveXml);
        NodeList graphics = doc.getElementsByTagName("graphics");
        for (int i = 0; i < graphics.getLength(); i++) {
            Element g = (Element) graphics.item(i);
            if ("vnc".equals(g.getAttribute("type"))) {
                String port = g.getAttribute("port");
                try {
                    return Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("VNC port '" + port + "' in the domain XML is not a number", e);
                }
            }
        }
        throw new IllegalStateException("the domain XML has no VNC graphics");
    }

    /** Parses XML with DTDs and external entities refused. */
    public static Document parse(String xml) {
        try {
            return newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String tag) {
        Element element = parent.getOwnerDocument().createElement(tag);
        parent.appendChild(element);
        return element;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        }
    }

    private static String serialize(Document doc) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write domain XML", e);
        }
    }
}
