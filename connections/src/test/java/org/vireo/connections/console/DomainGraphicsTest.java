package org.vireo.connections.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainGraphicsTest {
    private static String domain(String devices) {
        return "<domain type='kvm'><name>vm</name><devices>" + devices + "</devices></domain>";
    }

    @Test
    void liveVncWithListenElementAndPassword() throws Exception {
        List<Graphics> all = DomainGraphics.parse(domain("<graphics type='vnc' port='5903' autoport='yes' listen='0.0.0.0'"
                + " passwd='s3cret'><listen type='address' address='0.0.0.0'/></graphics>"));
        Graphics g = all.get(0);
        assertEquals(5903, g.port());
        assertTrue(g.autoport());
        assertEquals("0.0.0.0", g.listenAddress());
        assertEquals("127.0.0.1", g.connectAddress(), "the wildcard is reached on the host's loopback");
        assertEquals("s3cret", g.password());
        assertEquals(ConsoleLookup.Status.OK, new ConsoleLookup(all).status());
        assertTrue(!g.toString().contains("s3cret"), "toString never shows the password");
    }

    @Test
    void listenOnlyInChildElementAndIpv6Wildcard() throws Exception {
        Graphics g = DomainGraphics.parse(domain("<graphics type='vnc' port='5901'><listen type='address' address='::'/>"
                + "</graphics>")).get(0);
        assertEquals("::1", g.connectAddress());
        assertEquals("[::1]:5901", g.where());
    }

    @Test
    void unixSocketGraphics() throws Exception {
        Graphics g = DomainGraphics.parse(domain("<graphics type='vnc' socket='/run/vnc.sock'>"
                + "<listen type='socket' socket='/run/vnc.sock'/></graphics>")).get(0);
        assertEquals("/run/vnc.sock", g.socket());
        assertEquals(-1, g.port());
        assertTrue(g.reachable());
        assertNull(g.password());
    }

    @Test
    void statusNamesWhatIsMissing() throws Exception {
        assertEquals(ConsoleLookup.Status.NO_GRAPHICS, new ConsoleLookup(DomainGraphics.parse(domain(""))).status());
        assertEquals(ConsoleLookup.Status.SPICE_ONLY, new ConsoleLookup(DomainGraphics.parse(
                domain("<graphics type='spice' port='5900'/>"))).status());
        assertEquals(ConsoleLookup.Status.NOT_LISTENING, new ConsoleLookup(DomainGraphics.parse(
                domain("<graphics type='vnc' port='-1' autoport='yes'/>"))).status());
        assertEquals(ConsoleLookup.Status.OK, new ConsoleLookup(DomainGraphics.parse(
                domain("<graphics type='spice' port='5900'/><graphics type='vnc' port='5901'/>"))).status());
    }

    @Test
    void badPortIsNamed() {
        InvalidGraphicsException e = assertThrows(InvalidGraphicsException.class,
                () -> DomainGraphics.parse(domain("<graphics type='vnc' port='59x0'/>")));
        assertTrue(e.getMessage().contains("'59x0'"), e.getMessage());
        assertThrows(InvalidGraphicsException.class, () -> DomainGraphics.parse(domain("<graphics type='vnc' port='70000'/>")));
    }

    @Test
    void doctypeAndEntitiesAreRefused() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain><devices><graphics type='vnc' port='5900' passwd='&x;'/></devices></domain>";
        InvalidGraphicsException e = assertThrows(InvalidGraphicsException.class, () -> DomainGraphics.parse(xxe));
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
        assertThrows(InvalidGraphicsException.class, () -> DomainGraphics.parse("<network/>"));
        assertThrows(InvalidGraphicsException.class, () -> DomainGraphics.parse("<domain><devices>"));
    }
}
