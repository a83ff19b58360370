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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against TigerVNC's Xvnc started by the test on 127.0.0.1: a known picture on the root window, each
 * encoding forced in turn, the decoded frame compared pixel for pixel with the server's own dump (xwd).
 */
class XvncTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final String PASSWORD = "vireo-pw";

    @TempDir
    static Path dir;
    private static Xvnc open;
    private static Xvnc locked;
    private static int openPort;
    private static int lockedPort;
    private static int lockedDisplay;
    private static BufferedImage reference;
    private final List<VncClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        open = Xvnc.start(dir, "open", WIDTH, HEIGHT, "-SecurityTypes", "None");
        openPort = open.port;
        reference = open.showPicture(WIDTH, HEIGHT);

        Path passwordFile = passwordFile(dir, PASSWORD);
        locked = Xvnc.start(dir, "locked", WIDTH, HEIGHT, "-SecurityTypes", "VncAuth",
                "-PasswordFile", passwordFile.toString());
        lockedPort = locked.port;
        lockedDisplay = locked.display;
    }

    /** A TigerVNC password file (vncpasswd -f) holding {@code password}. */
    static Path passwordFile(Path dir, String password) throws Exception {
        Path passwordFile = dir.resolve("passwd");
        Process vncpasswd = new ProcessBuilder("vncpasswd", "-f").redirectOutput(passwordFile.toFile()).start();
        vncpasswd.getOutputStream().write((password + "\n" + password + "\n").getBytes());
        vncpasswd.getOutputStream().close();
        assertEquals(0, vncpasswd.waitFor());
        return passwordFile;
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        if (open != null) {
            open.close();
        }
        if (locked != null) {
            locked.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
        clients.forEach(VncClient::close);
    }

    private VncClient connect(int port, VncOptions options, RecordingListener listener) throws IOException {
        return Sessions.connect(port, options, listener, clients);
    }

    @Test
    void defaultEncodingsGiveTheServersFramebuffer() throws Exception {
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(openPort, VncOptions.defaults(), listener);
        assertEquals(List.of(WIDTH, HEIGHT), List.of(client.framebuffer().width(), client.framebuffer().height()));
        FrameAssert.awaitMatch(client, listener, reference, 0, 20);
        assertTrue(client.rectangleCounts().containsKey(Encoding.ZRLE), "ZRLE preferred: " + client.rectangleCounts());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encoding.RAW, Encoding.RRE, Encoding.HEXTILE, Encoding.ZRLE, Encoding.TIGHT})
    void eachLosslessEncodingDecodesPixelForPixel(int encoding) throws Exception {
        RecordingListener listener = new RecordingListener();
        VncOptions options = VncOptions.defaults().withEncodings(List.of(encoding));
        VncClient client = connect(openPort, options, listener);
        FrameAssert.awaitMatch(client, listener, reference, 0, 20);
        assertTrue(client.rectangleCounts().getOrDefault(encoding, 0L) > 0,
                "server used " + Encoding.name(encoding) + ": " + client.rectangleCounts());
        Set<Integer> pixelEncodingsUsed = new HashSet<>(client.rectangleCounts().keySet());
        pixelEncodingsUsed.removeIf(e -> e < 0 || e == Encoding.RAW); // Raw is every server's fallback
        assertEquals(encoding == Encoding.RAW ? Set.of() : Set.of(encoding), pixelEncodingsUsed);
    }

    @Test
    void copyRectWithRawFallbackDecodes() throws Exception {
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(openPort, VncOptions.defaults().withEncodings(List.of(Encoding.COPY_RECT, Encoding.RAW)),
                listener);
        FrameAssert.awaitMatch(client, listener, reference, 0, 20);
    }

    @Test
    void tightJpegIsCloseToTheServersFramebuffer() throws Exception {
        RecordingListener listener = new RecordingListener();
        VncOptions options = VncOptions.defaults().withEncodings(List.of(Encoding.TIGHT)).withJpegQuality(9);
        VncClient client = connect(openPort, options, listener);
        // JPEG is lossy: every component within 48 of the truth on at least 99% of pixels
        FrameAssert.awaitMatch(client, listener, reference, 48, WIDTH * HEIGHT / 100, 20);
        assertTrue(client.rectangleCounts().getOrDefault(Encoding.TIGHT, 0L) > 0, client.rectangleCounts().toString());
    }

    @Test
    void vncAuthenticationWithTheRightPassword() throws Exception {
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(lockedPort, VncOptions.defaults().withPassword(PASSWORD::toCharArray), listener);
        listener.awaitBatches(1, 20);
        assertEquals(WIDTH, client.framebuffer().width());
    }

    @Test
    void wrongPasswordIsAClearError() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), lockedPort);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(),
                VncOptions.defaults().withPassword("wrong"::toCharArray));
        VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
        assertTrue(e.getMessage().startsWith("VNC authentication failed"), e.getMessage());
        assertTrue(socket.isClosed());
    }

    @Test
    void cursorWithAlphaArrives() throws Exception {
        RecordingListener listener = new RecordingListener();
        // on the other server: Xvnc draws the cursor into the framebuffer of clients whose last pointer
        // event is not where the cursor is, which would spoil the pixel comparisons on the open one
        VncClient client = connect(lockedPort, VncOptions.defaults().withPassword(PASSWORD::toCharArray), listener);
        listener.awaitBatches(1, 20);
        client.pointer(10, 10, 0);
        // Xvnc's root starts with an empty cursor; give it a real one
        ExternalProcess.run(Map.of("DISPLAY", ":" + lockedDisplay), 30, "xsetroot", "-cursor_name", "left_ptr");
        listener.awaitCondition(() -> listener.cursor.get() != null && listener.cursor.get().length > 0, 20,
                "a non-empty cursor shape");
        assertTrue(client.rectangleCounts().containsKey(Encoding.CURSOR_WITH_ALPHA), client.rectangleCounts().toString());
        int[] cursor = listener.cursor.get();
        assertTrue(Arrays.stream(cursor).anyMatch(p -> p >>> 24 == 0), "some pixels transparent");
        assertTrue(Arrays.stream(cursor).anyMatch(p -> p >>> 24 == 0xFF), "some pixels opaque");
    }

    @Test
    void continuousUpdatesPushEveryChangeWithoutRequests() throws Exception {
        // on the password-protected server, so the picture on the other one stays as dumped
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(lockedPort, VncOptions.defaults().withPassword(PASSWORD::toCharArray), listener);
        listener.awaitCondition(client::continuousUpdates, 20, "Xvnc offers continuous updates");
        client.pointer(WIDTH - 1, HEIGHT - 1, 0); // our pointer at the cursor: Xvnc then leaves it out of our frames
        // The picture is far beyond Xvnc's first congestion window (16 KiB): the colours after it only come
        // through if the client answered the fences Xvnc sent around it.
        BufferedImage picture = locked.showPicture(WIDTH, HEIGHT);
        FrameAssert.awaitMatch(client, listener, picture, 0, 32 * 32, 20);
        Map<String, String> env = Map.of("DISPLAY", ":" + lockedDisplay);
        for (int rgb : new int[] {0x102030, 0xC0FFEE, 0x305070}) {
            ExternalProcess.run(env, 30, "xsetroot", "-solid", String.format("#%06x", rgb));
            listener.awaitCondition(() -> client.framebuffer().pixel(WIDTH / 2, HEIGHT / 3) == (0xFF000000 | rgb), 20,
                    String.format("root colour #%06x pushed", rgb));
        }
        // A running animation leaves Xvnc no idle moment to reset its congestion control: frames keep coming only
        // while fences are answered the way Xvnc expects.
        int before = listener.batches.get();
        ProcessBuilder animation = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FullScreenAnimation.class.getName(), String.valueOf(WIDTH),
                String.valueOf(HEIGHT), "30").redirectErrorStream(true).redirectOutput(dir.resolve("animation.log").toFile());
        animation.environment().putAll(env);
        Process running = animation.start();
        try {
            listener.awaitBatches(before + 60, 30);
        } finally {
            ExternalProcess.stop(running);
        }
        assertTrue(client.continuousUpdates());
    }

    @Test
    void setDesktopSizeResizesTheServer() throws Exception {
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(lockedPort, VncOptions.defaults().withPassword(PASSWORD::toCharArray), listener);
        listener.awaitCondition(client::canRequestDesktopSize, 20, "ExtendedDesktopSize from Xvnc");
        try {
            assertTrue(client.requestDesktopSize(1000, 700));
            listener.awaitCondition(() -> client.framebuffer().width() == 1000 && client.framebuffer().height() == 700,
                    20, "framebuffer 1000x700, now " + client.framebuffer().width() + "x" + client.framebuffer().height());
            assertEquals(0, listener.desktopSizeRefusals.get());
        } finally {
            client.requestDesktopSize(WIDTH, HEIGHT);
            listener.awaitCondition(() -> client.framebuffer().width() == WIDTH, 20, "size restored");
        }
    }

    @Test
    void desktopResizeIsFollowed() throws Exception {
        // on the password-protected server, so the picture on the other one stays as dumped
        RecordingListener listener = new RecordingListener();
        VncClient client = connect(lockedPort, VncOptions.defaults().withPassword(PASSWORD::toCharArray), listener);
        listener.awaitBatches(1, 20);
        Map<String, String> env = Map.of("DISPLAY", ":" + lockedDisplay);
        try {
            ExternalProcess.run(env, 30, "xrandr", "-s", "800x600");
            long deadline = System.nanoTime() + 20_000_000_000L;
            int seen = listener.batches.get();
            while (client.framebuffer().width() != 800 && System.nanoTime() < deadline) {
                listener.awaitBatches(++seen, 20);
            }
            assertEquals(List.of(800, 600), List.of(client.framebuffer().width(), client.framebuffer().height()),
                    "sizes seen: " + listener.sizes);
            assertEquals(List.of(800, 600), List.of(listener.lastWidth, listener.lastHeight), "sizes seen: " + listener.sizes);
        } finally {
            ExternalProcess.run(env, 30, "xrandr", "-s", WIDTH + "x" + HEIGHT);
        }
    }
}
