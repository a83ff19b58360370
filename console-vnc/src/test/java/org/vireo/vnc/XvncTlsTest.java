package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VeNCrypt against TigerVNC's Xvnc: one server per subtype (so the server decides which one is used), a
 * certificate from a CA the test makes, the decoded frame compared pixel for pixel with the server's dump.
 */
class XvncTlsTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final String PASSWORD = "tls-pw";
    private static final String USER = "vireo";

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static TestCertificates otherCa;
    private static Path passwordFile;
    private static String pamService;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.make(dir.resolve("pki"), "Vireo test CA");
        otherCa = TestCertificates.make(dir.resolve("other"), "Some other CA");
        passwordFile = XvncTest.passwordFile(dir, PASSWORD);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private Xvnc server(String securityType, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-SecurityTypes", securityType,
                "-X509Cert", certs.serverCert().toString(), "-X509Key", certs.serverKey().toString(),
                "-PasswordFile", passwordFile.toString()));
        args.addAll(List.of(more));
        Xvnc xvnc = Xvnc.start(dir, securityType, WIDTH, HEIGHT, args.toArray(String[]::new));
        opened.add(xvnc);
        return xvnc;
    }

    private VncClient connect(Xvnc server, VncOptions options, RecordingListener listener) throws IOException {
        return Sessions.connect(server.port, options, listener, opened);
    }

    private static VncOptions trusting(TestCertificates ca) {
        return VncOptions.defaults().withTlsTrust(TlsTrust.caFile(ca.caCert(), "localhost"))
                .withPassword(PASSWORD::toCharArray).withUsername(() -> USER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X509None", "X509Vnc", "TLSNone", "TLSVnc"})
    void eachSubtypeGivesTheServersFramebuffer(String securityType) throws Exception {
        Xvnc server = server(securityType);
        BufferedImage reference = server.showPicture(WIDTH, HEIGHT);
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(server, trusting(certs), listener);
        assertEquals(securityType, client.security());
        assertEquals(List.of(WIDTH, HEIGHT), List.of(client.framebuffer().width(), client.framebuffer().height()));
        FrameAssert.awaitMatch(client, listener, reference, 0, 20);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X509Plain", "TLSPlain", "Plain"})
    void plainSubtypesSendUserAndPassword(String securityType) throws Exception {
        Xvnc server = server(securityType, "-PlainUsers", USER, "-PAMService", pamService());
        BufferedImage reference = server.showPicture(WIDTH, HEIGHT);
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(server, trusting(certs), listener);
        assertEquals(securityType, client.security());
        FrameAssert.awaitMatch(client, listener, reference, 0, 20);
    }

    @Test
    void plainRefusesAUserTheServerDoesNotList() throws Exception {
        Xvnc server = server("X509Plain", "-PlainUsers", USER, "-PAMService", pamService());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(),
                trusting(certs).withUsername(() -> "mallory"));
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().startsWith("VeNCrypt authentication failed"), e.getMessage());
    }

    /**
     * A PAM service that accepts any password, for Xvnc's Plain check (PAM reads services only from
     * /etc/pam.d): Xvnc's PlainUsers list is what decides here. Removed after the class.
     */
    private static String pamService() throws IOException {
        if (pamService == null) {
            String name = "vireo-vnc-test-" + ProcessHandle.current().pid();
            Files.writeString(Path.of("/etc/pam.d", name), "auth required pam_permit.so\naccount required pam_permit.so\n");
            pamService = name;
        }
        return pamService;
    }

    @AfterAll
    static void removePamService() throws IOException {
        if (pamService != null) {
            Files.deleteIfExists(Path.of("/etc/pam.d", pamService));
        }
    }

    @Test
    void wrongCaIsAClearError() throws Exception {
        Xvnc server = server("X509None");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), trusting(otherCa));
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().startsWith("TLS handshake for VeNCrypt X509None failed: the server certificate is not"
                + " trusted by the CA in " + otherCa.caCert()), e.getMessage());
        assertTrue(socket.isClosed());
    }

    @Test
    void wrongHostNameIsRefused() throws Exception {
        Xvnc server = server("X509None");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port);
        VncOptions options = VncOptions.defaults().withTlsTrust(TlsTrust.caFile(certs.caCert(), "vnc.example.org"));
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), options);
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().contains("vnc.example.org"), e.getMessage());
    }

    @Test
    void noTrustConfiguredRefusesX509Clearly() throws Exception {
        Xvnc server = server("X509None");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), VncOptions.defaults());
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertEquals("the server wants TLS with an X.509 certificate, and no CA or certificate store is configured to"
                + " verify it", e.getMessage());
    }

    @Test
    void wrongPasswordOverTlsIsAClearError() throws Exception {
        Xvnc server = server("X509Vnc");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(),
                trusting(certs).withPassword("wrong"::toCharArray));
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().startsWith("VeNCrypt authentication failed"), e.getMessage());
    }

    @Test
    void trustOnFirstUsePinsTheCertificateAndRefusesAnother() throws Exception {
        CertificatePins pins = new CertificatePins(dir.resolve("pins/vnc-certs"));
        Xvnc first = server("X509None");
        RecordingListener listener = new RecordingListener();
        VncOptions options = VncOptions.defaults().withTlsTrust(TlsTrust.pinned(pins, "host-a:5901"));
        connect(first, options, listener);
        listener.awaitBatches(1, 20);
        String pinned = Files.readString(pins.file()).strip();
        assertTrue(pinned.matches("host-a:5901 [0-9a-f]{64}"), pinned);
        // the same certificate again is accepted
        RecordingListener again = new RecordingListener();
        connect(first, options, again);
        again.awaitBatches(1, 20);

        Xvnc impostor = Xvnc.start(dir, "impostor", WIDTH, HEIGHT, "-SecurityTypes", "X509None",
                "-X509Cert", otherCa.serverCert().toString(), "-X509Key", otherCa.serverKey().toString());
        opened.add(impostor);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), impostor.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), options);
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().contains("the VNC server certificate of host-a:5901 changed"), e.getMessage());
        assertTrue(e.getMessage().contains(pins.file().toString()), e.getMessage());
    }
}
