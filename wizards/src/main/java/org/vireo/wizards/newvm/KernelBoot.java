package org.vireo.wizards.newvm;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The installer's kernel and initrd, uploaded to the host, for the first start only (as virt-install does): the
 * persistent definition boots normally, and the first start runs a copy of it with {@code <kernel>},
 * {@code <initrd>} and {@code <cmdline>} added. The uploaded volumes are removed once the VM has started.
 */
public record KernelBoot(String kernelPath, String initrdPath, String cmdline, List<DiskRef.PoolVolume> volumes) {
    public KernelBoot {
        volumes = List.copyOf(volumes);
    }

    /** {@code domainXml} booting this kernel: kernel, initrd and cmdline in {@code <os>}, no PV bootloader. */
    public String injectInto(String domainXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(domainXml)));
            Element domain = doc.getDocumentElement();
            removeChildren(domain, "bootloader", "bootloader_args");
            Element os = (Element) domain.getElementsByTagName("os").item(0);
            if (os == null) {
                throw new IllegalArgumentException("domain XML without <os>");
            }
            removeChildren(os, "kernel", "initrd", "cmdline");
            Node before = firstChildNotIn(os, "type", "loader", "nvram");
            for (String[] e : new String[][] {{"kernel", kernelPath}, {"initrd", initrdPath}, {"cmdline", cmdline}}) {
                if (e[0].equals("cmdline") && cmdline.isBlank()) {
                    continue;
                }
                Element child = doc.createElement(e[0]);
                child.setTextContent(e[1]);
                os.insertBefore(child, before);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException
                 | javax.xml.transform.TransformerException e) {
            throw new IllegalArgumentException("cannot read the domain XML: " + e.getMessage(), e);
        }
    }

    private static void removeChildren(Element parent, String... names) {
        List<String> doomed = List.of(names);
        Node n = parent.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n instanceof Element e && doomed.contains(e.getTagName())) {
                parent.removeChild(n);
            }
            n = next;
        }
    }

    /** The first element child not named {@code names} (null = append): kernel goes after type/loader/nvram. */
    private static Node firstChildNotIn(Element parent, String... names) {
        List<String> skip = List.of(names);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !skip.contains(e.getTagName())) {
                return n;
            }
        }
        return null;
    }
}
