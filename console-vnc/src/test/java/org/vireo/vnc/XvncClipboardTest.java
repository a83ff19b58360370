package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clipboard both ways against TigerVNC's Xvnc, read and set on its X display with xclip: UTF-8 through the
 * extended clipboard, Latin-1 through classic cut text when the client does not announce it.
 */
class XvncClipboardTest {
    private static final String UNICODE = "héllo → 世界\nsecond line ✓";

    @TempDir
    static Path dir;
    private static Xvnc server;
    private final List<VncClient> clients = new ArrayList<>();
    private final List<Process> owners = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = Xvnc.start(dir, "clipboard", 320, 240, "-SecurityTypes", "None");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        clients.forEach(VncClient::close);
        for (Process p : owners) {
            ExternalProcess.stop(p);
        }
    }

    private VncClient connect(VncOptions options, RecordingListener listener) throws IOException {
        return Sessions.connect(server.port, options, listener, clients);
    }

    private void ownClipboard(String text) throws IOException {
        owners.add(server.ownClipboard(text));
    }

    private VncClient connectExtended(RecordingListener listener) throws Exception {
        VncClient client = connect(VncOptions.defaults(), listener);
        listener.awaitEvent(client::extendedClipboard, 20, "Xvnc announces the extended clipboard");
        return client;
    }

    @Test
    void serverClipboardArrivesAsUtf8() throws Exception {
        RecordingListener listener = new RecordingListener();
        connectExtended(listener);
        ownClipboard(UNICODE);
        listener.awaitEvent(() -> UNICODE.equals(listener.clipboard.get()), 20,
                "the X clipboard text, now \"" + listener.clipboard.get() + "\"");
    }

    @Test
    void clientClipboardReachesTheServerAsUtf8() throws Exception {
        RecordingListener listener = new RecordingListener();
        VncClient client = connectExtended(listener);
        client.clipboard(UNICODE);
        server.awaitClipboard(UNICODE);
    }

    @Test
    void withoutTheExtensionCutTextIsLatin1BothWays() throws Exception {
        RecordingListener listener = new RecordingListener();
        List<Integer> pseudo = new ArrayList<>(Encoding.SUPPORTED_PSEUDO_ENCODINGS);
        pseudo.remove(Integer.valueOf(Encoding.EXTENDED_CLIPBOARD));
        VncClient client = connect(VncOptions.defaults().withPseudoEncodings(pseudo), listener);
        listener.awaitBatches(1, 20);
        assertFalse(client.extendedClipboard());

        client.clipboard("café naïve");
        server.awaitClipboard("café naïve");

        ownClipboard("déjà vu");
        listener.awaitEvent(() -> "déjà vu".equals(listener.clipboard.get()), 20,
                "the X clipboard text, now \"" + listener.clipboard.get() + "\"");
        assertTrue(client.rectangleCounts().keySet().stream().noneMatch(e -> e == Encoding.EXTENDED_CLIPBOARD));
    }
}
