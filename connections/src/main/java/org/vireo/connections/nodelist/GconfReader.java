package org.vireo.connections.nodelist;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * virt-manager's old gconf store, {@code %gconf.xml}: {@code <entry name="uris">} and
 * {@code <entry name="autoconnect">}, each a list of {@code <li><stringvalue>URI</stringvalue></li>}.
 * Read with StAX (for line numbers) with DTDs and external entities off: the file is untrusted.
 */
final class GconfReader {
    private GconfReader() {
    }

    private record Value(int line, String uri) {
    }

    static void read(String text, ReadContext context) {
        List<Value> uris = new ArrayList<>();
        Set<String> autoconnect = new HashSet<>();
        List<Value> autoconnectValues = new ArrayList<>();
        boolean sawUris = false;
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(new StringReader(text));
            String entry = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    context.problem(xml.getLocation().getLineNumber(), "the file has a DOCTYPE, which gconf files never have; not read");
                    return;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (element.equals("entry")) {
                        entry = xml.getAttributeValue(null, "name");
                        sawUris |= "uris".equals(entry);
                    } else if (element.equals("stringvalue") && entry != null) {
                        int line = xml.getLocation().getLineNumber();
                        String value = xml.getElementText().strip();
                        if ("uris".equals(entry)) {
                            uris.add(new Value(line, value));
                        } else if ("autoconnect".equals(entry)) {
                            autoconnect.add(NodeAddress.normalise(value));
                            autoconnectValues.add(new Value(line, value));
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("entry")) {
                    entry = null;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            context.problem(line, "not a readable gconf XML file: " + firstLine(e.getMessage()));
        } finally {
            close(xml);
        }
        if (!sawUris && context.problems.isEmpty()) {
            context.problem(0, "no <entry name=\"uris\">: this XML file holds no virt-manager connections");
        }
        Set<String> listed = new HashSet<>();
        for (Value v : uris) {
            String key = NodeAddress.normalise(v.uri());
            listed.add(key);
            Candidate row = v.uri().length() > NodeListParser.MAX_LINE_CHARS
                    ? Candidate.invalid(v.line(), NodeAddress.shown(v.uri()), "URI is " + v.uri().length()
                            + " characters long (at most " + NodeListParser.MAX_LINE_CHARS + ")")
                    : Candidate.uri(v.line(), v.uri(), v.uri());
            context.row(row.withAutoconnect(autoconnect.contains(key) ? Boolean.TRUE : null));
        }
        for (Value v : autoconnectValues) {
            if (!listed.contains(NodeAddress.normalise(v.uri()))) {
                context.note(v.line(), "autoconnect names " + NodeAddress.shown(v.uri()) + ", which is not in uris; skipped");
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not loaded (" + systemId + ")");
        });
        return f;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int nl = m.lastIndexOf('\n');
        return NodeAddress.shown(nl < 0 ? m : m.substring(nl + 1).strip());
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Reading a String: closing frees nothing that could fail in a way worth reporting.
        }
    }
}
