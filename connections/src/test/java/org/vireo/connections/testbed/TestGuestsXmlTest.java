package org.vireo.connections.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TestGuestsXmlTest {

    private final TestGuests guests = new TestGuests("kvm");

    @ParameterizedTest
    @ValueSource(strings = {"a<b", "a&b", "it's", "say\"hi\"", "<&'\">", "", "-lead", ".hidden", "has space",
            "new\nline", "name/slash"})
    void namesOutsideTheRuleAreRejected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guests.domainXml(name));
        assertTrue(e.getMessage().contains("is invalid"), e.getMessage());
    }

    @Test
    void domainXmlIsADisklessVgaGuestWithVncOnLoopback() {
        String name = "g" + "0".repeat(59) + ".-_";
        assertEquals(63, name.length());
        Document doc = TestGuests.parse(guests.domainXml(name));
        Element domain = doc.getDocumentElement();
        assertEquals("domain", domain.getTagName());
        assertEquals("kvm", domain.getAttribute("type"));
        assertEquals(name, text(doc, "name"));
        assertEquals("128", text(doc, "memory"));
        assertEquals("MiB", ((Element) doc.getElementsByTagName("memory").item(0)).getAttribute("unit"));
        assertEquals("1", text(doc, "vcpu"));
        assertEquals("hvm", text(doc, "type"));
        Element graphics = (Element) doc.getElementsByTagName("graphics").item(0);
        assertEquals("vnc", graphics.getAttribute("type"));
        assertEquals("127.0.0.1", graphics.getAttribute("listen"));
        assertEquals("-1", graphics.getAttribute("port"));
        assertEquals("vga", ((Element) doc.getElementsByTagName("model").item(0)).getAttribute("type"));
        assertEquals(0, doc.getElementsByTagName("disk").getLength());
        assertEquals(0, doc.getElementsByTagName("interface").getLength());
    }

    @Test
    void namesLongerThan63CharactersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> guests.domainXml("x".repeat(64)));
        TestGuests.parse(guests.domainXml("x".repeat(63)));
    }

    @Test
    void domainTypeFollowsTheTestbed() {
        Document doc = TestGuests.parse(new TestGuests("qemu").domainXml("tcg-guest"));
        assertEquals("qemu", doc.getDocumentElement().getAttribute("type"));
        assertThrows(IllegalArgumentException.class, () -> new TestGuests("xen"));
    }

    @Test
    void uniqueNamesFollowTheRuleAndDiffer() {
        String first = TestGuests.uniqueName("vireo-it");
        String second = TestGuests.uniqueName("vireo-it");
        assertTrue(TestGuests.NAME_RULE.matcher(first).matches(), first);
        assertTrue(first.startsWith("vireo-it-"), first);
        assertNotEquals(first, second);
        assertThrows(IllegalArgumentException.class, () -> TestGuests.uniqueName("bad<prefix"));
    }

    @Test
    void vncPortIsReadFromTheLiveXml() {
        String live = "<domain type='kvm' id='3'><devices><graphics type='spice' port='5930'/>"
                + "<graphics type='vnc' port='6901' autoport='yes' listen='127.0.0.1'/></devices></domain>";
        assertEquals(6901, TestGuests.vncPort(live));
        assertThrows(IllegalStateException.class, () -> TestGuests.vncPort("<domain><devices/></domain>"));
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent();
    }
}
