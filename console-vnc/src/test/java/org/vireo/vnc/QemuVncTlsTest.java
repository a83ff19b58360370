package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VeNCrypt against QEMU's own VNC server with TLS (X.509 from a CA the test makes, and anonymous): a running
 * diskless guest shows SeaBIOS; the decoded frame is compared with QEMU's screendump of the same moment.
 */
class QemuVncTlsTest {
    private static final String PASSWORD = "qemu-tls";

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static TestCertificates otherCa;
    private static Qemu x509;
    private static Qemu x509Password;
    private static Qemu anonymous;
    private final List<VncClient> clients = new ArrayList<>();

    @BeforeAll
    static void startVms() throws Exception {
        certs = TestCertificates.make(dir.resolve("pki"), "Vireo QEMU test CA");
        otherCa = TestCertificates.make(dir.resolve("other"), "Another CA");
        String creds = "tls-creds-x509,id=tls0,dir=" + certs.dir() + ",endpoint=server,verify-peer=off";
        x509 = Qemu.start(dir, "x509", ",tls-creds=tls0", false, "-object", creds);
        x509Password = Qemu.start(dir, "x509pw", ",tls-creds=tls0,password=on", false, "-object", creds);
        x509Password.qmp("{\"execute\":\"set_password\",\"arguments\":{\"protocol\":\"vnc\",\"password\":\""
                + PASSWORD + "\"}}");
        anonymous = Qemu.start(dir, "anon", ",tls-creds=tls1", false, "-object", "tls-creds-anon,id=tls1,endpoint=server");
    }

    @AfterAll
    static void stopVms() throws Exception {
        for (Qemu q : new Qemu[] {x509, x509Password, anonymous}) {
            if (q != null) {
                q.close();
            }
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(VncClient::close);
    }

    private VncClient connect(Qemu qemu, VncOptions options, RecordingListener listener) throws IOException {
        return Sessions.connect(qemu.port, options, listener, clients);
    }

    private static VncOptions trusting(TestCertificates ca) {
        return VncOptions.defaults().withTlsTrust(TlsTrust.caFile(ca.caCert(), "localhost"))
                .withPassword(PASSWORD::toCharArray);
    }

    @Test
    void x509NoneFrameEqualsQemusScreendump() throws Exception {
        assertFrameMatchesScreendump(x509, trusting(certs), "X509None");
    }

    @Test
    void x509VncWithPassword() throws Exception {
        assertFrameMatchesScreendump(x509Password, trusting(certs), "X509Vnc");
    }

    @Test
    void anonymousTlsNone() throws Exception {
        assertFrameMatchesScreendump(anonymous, VncOptions.defaults(), "TLSNone");
    }

    @Test
    void wrongCaIsAClearError() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), x509.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), trusting(otherCa));
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().startsWith("TLS handshake for VeNCrypt X509None failed: the server certificate is not"
                + " trusted by the CA in " + otherCa.caCert()), e.getMessage());
    }

    @Test
    void wrongPasswordIsAClearError() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), x509Password.port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(),
                trusting(certs).withPassword("nope"::toCharArray));
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().startsWith("VeNCrypt authentication failed"), e.getMessage());
    }

    /**
     * SeaBIOS may print a line and the text cursor blinks between the screendump and the frame: up to three
     * fresh pairs are compared, and a difference within a single 9x16 text cell (the cursor) is accepted.
     */
    private void assertFrameMatchesScreendump(Qemu qemu, VncOptions options, String security) throws Exception {
        awaitSeaBiosText(qemu, options);
        String problem = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            RecordingListener listener = new RecordingListener();
            VncClient client = connect(qemu, options, listener);
            assertEquals(security, client.security());
            listener.awaitPixels((long) client.framebuffer().width() * client.framebuffer().height(), 20);
            BufferedImage dump = qemu.screendump();
            int w = client.framebuffer().width();
            if (dump.getWidth() != w || dump.getHeight() != client.framebuffer().height()) {
                problem = "screendump " + dump.getWidth() + "x" + dump.getHeight() + ", frame " + w + "x"
                        + client.framebuffer().height();
                client.close();
                continue;
            }
            int[] expected = dump.getRGB(0, 0, w, dump.getHeight(), null, 0, w);
            int[] actual = client.framebuffer().snapshot();
            for (int i = 0; i < expected.length; i++) {
                expected[i] |= 0xFF000000;
            }
            problem = QemuVncTest.differenceBeyondOneCell(expected, actual, w);
            client.close();
            if (problem.isEmpty()) {
                break;
            }
        }
        assertEquals("", problem, security + " frame vs QEMU's screendump");
    }

    /** Waits (bounded) until the guest is in SeaBIOS text mode with something printed. */
    private void awaitSeaBiosText(Qemu qemu, VncOptions options) throws Exception {
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(qemu, options, listener);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seen = 0;
        while ((client.framebuffer().width() != 720
                || Arrays.stream(client.framebuffer().snapshot()).distinct().count() < 2)
                && System.nanoTime() < deadline) {
            listener.awaitBatches(++seen, 60);
        }
        assertEquals(720, client.framebuffer().width(), "SeaBIOS text mode reached");
        client.close();
    }
}
