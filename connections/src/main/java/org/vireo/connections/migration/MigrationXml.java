package org.vireo.connections.migration;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The few facts a migration reads from domain and capabilities XML. Pure; DTDs and entities refused. Each document
 * is parsed once ({@link #parse}) and its facts read from the tree.
 */
final class MigrationXml {
    private MigrationXml() {
    }

    /** Paths of the disks backed by a file or block device (CD-ROMs without media have none). */
    static List<String> diskPaths(Document domain) {
        List<String> paths = new ArrayList<>();
        NodeList disks = domain.getElementsByTagName("disk");
        for (int i = 0; i < disks.getLength(); i++) {
            Element disk = (Element) disks.item(i);
            firstChild(disk, "source").ifPresent(source -> {
                for (String attr : List.of("file", "dev")) {
                    String path = source.getAttribute(attr);
                    if (!path.isBlank()) {
                        paths.add(path);
                    }
                }
            });
        }
        return paths;
    }

    /**
     * The CPU to compare against the destination: the guest's own {@code <cpu>} when it names a model
     * (custom mode), or empty when the guest asks for the host's CPU (host-model, host-passthrough) or says
     * nothing (the hypervisor's default model runs anywhere); in the host cases the source host's CPU is the
     * one to compare.
     */
    static Optional<String> guestCpuModel(Document domain) {
        Optional<Element> cpu = firstChild(domain.getDocumentElement(), "cpu");
        if (cpu.isEmpty()) {
            return Optional.empty();
        }
        String mode = cpu.get().getAttribute("mode");
        if ((mode.isEmpty() || mode.equals("custom")) && firstChild(cpu.get(), "model").isPresent()) {
            return Optional.of(serialize(cpu.get()));
        }
        return Optional.empty();
    }

    /** True when the guest runs on the host's own CPU model (host-model or host-passthrough). */
    static boolean usesHostCpu(Document domain) {
        return firstChild(domain.getDocumentElement(), "cpu")
                .map(cpu -> cpu.getAttribute("mode"))
                .map(mode -> mode.equals("host-model") || mode.equals("host-passthrough"))
                .orElse(false);
    }

    /** The domain's {@code type} ({@code kvm}, {@code qemu}, {@code xen}, ...), or null when it has none. */
    static String virtType(Document domain) {
        String type = domain.getDocumentElement().getAttribute("type");
        return type.isBlank() ? null : type;
    }

    /** The guest's architecture ({@code <os><type arch>}), or null when the XML leaves it to the host. */
    static String arch(Document domain) {
        return firstChild(domain.getDocumentElement(), "os").flatMap(os -> firstChild(os, "type"))
                .map(type -> type.getAttribute("arch")).filter(arch -> !arch.isBlank()).orElse(null);
    }

    /** {@code <host><uuid>} of capabilities XML. */
    static String hostUuid(Document capabilities) {
        return hostElement(capabilities).flatMap(host -> firstChild(host, "uuid")).map(Node::getTextContent)
                .map(String::strip).orElse("");
    }

    /** {@code <host><cpu>} of capabilities XML, as a document virConnectCompareCPU takes. */
    static Optional<String> hostCpu(Document capabilities) {
        return hostElement(capabilities).flatMap(host -> firstChild(host, "cpu")).map(MigrationXml::serialize);
    }

    /** The {@code <target><format type>} of a storage volume's XML, "raw" when absent. */
    static String volumeFormat(String volumeXml) {
        Element root = parse(volumeXml).getDocumentElement();
        return firstChild(root, "target").flatMap(t -> firstChild(t, "format")).map(f -> f.getAttribute("type"))
                .filter(t -> !t.isBlank()).orElse("raw");
    }

    private static Optional<Element> hostElement(Document capabilities) {
        return firstChild(capabilities.getDocumentElement(), "host");
    }

    private static Optional<Element> firstChild(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("XML from libvirt is not well-formed: " + e.getMessage(), e);
        }
    }

    private static String serialize(Element element) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }
}
