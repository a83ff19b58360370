package org.vireo.connections.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The real test bed: two libvirt hosts that start real diskless guests. */
@Tag("testbed")
class TestbedGuestsTest {

    private static final String PREFIX = "vireo-tbtest";

    private final Testbed testbed = Testbed.require();

    @ParameterizedTest(name = "host {0}")
    @ValueSource(strings = {"a", "b"})
    void disklessGuestRunsWithVncInTheHostsRange(String hostId) throws LibvirtException, IOException {
        Testbed.Host host = testbed.host(hostId);
        TestGuests guests = new TestGuests(testbed);
        Connect conn = new Connect(host.unixUri());
        try {
            Domain domain = guests.define(conn, TestGuests.uniqueName(PREFIX));
            domain.create();

            assertEquals(DomainState.VIR_DOMAIN_RUNNING, domain.getInfo().state);
            int port = TestGuests.vncPort(domain.getXMLDesc(0));
            assertTrue(host.vncPortInRange(port),
                    "VNC port " + port + " outside host " + hostId + "'s range " + host.vncPortMin() + "-" + host.vncPortMax());
            assertEquals("RFB 003.008\n", rfbBanner(port), "what a VNC viewer gets on 127.0.0.1:" + port);
            domain.free();
        } finally {
            try {
                guests.cleanup(conn, PREFIX);
            } finally {
                conn.close();
            }
        }
    }

    @Test
    void theTwoHostsAreDistinctMachines() throws LibvirtException {
        Connect a = new Connect(testbed.hostA().unixUri());
        try {
            Connect b = new Connect(testbed.hostB().unixUri());
            try {
                assertEquals(testbed.hostA().hostname(), a.getHostName());
                assertEquals(testbed.hostB().hostname(), b.getHostName());
                assertNotEquals(a.getHostName(), b.getHostName());
                String uuidA = hostUuid(a.getCapabilities());
                String uuidB = hostUuid(b.getCapabilities());
                assertTrue(uuidA.matches("[0-9a-f-]{36}"), uuidA);
                assertNotEquals(uuidA, uuidB, "libvirt refuses to migrate between hosts with the same UUID");
            } finally {
                b.close();
            }
        } finally {
            a.close();
        }
    }

    private static String hostUuid(String capabilities) {
        Document doc = TestGuests.parse(capabilities);
        Element host = (Element) doc.getElementsByTagName("host").item(0);
        return host.getElementsByTagName("uuid").item(0).getTextContent().trim();
    }

    /** The first 12 bytes a VNC server sends (RFC 6143 ProtocolVersion). */
    private static String rfbBanner(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }
}
