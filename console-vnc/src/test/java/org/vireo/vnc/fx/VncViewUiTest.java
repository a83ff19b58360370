package org.vireo.vnc.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.vnc.VncClient;
import org.vireo.vnc.VncOptions;

/** VncView on screen (needs DISPLAY, e.g. Xvfb): a served frame appears in the control and in its PNG. */
@Tag("ui")
class VncViewUiTest {
    private static final int W = 64;
    private static final int H = 32;

    @BeforeAll
    static void startFx() throws Exception {
        FxTestToolkit.start();
    }

    /** RFB 3.8 server with one Raw frame: left half red, right half blue. */
    private static ServerSocket serveOneFrame() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ByteBuffer b = ByteBuffer.allocate(200 + W * H * 4);
        b.put("RFB 003.008\n".getBytes()).put((byte) 1).put((byte) 1).putInt(0);
        b.putShort((short) W).putShort((short) H).put(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0,
            (byte) 255, 16, 8, 0, 0, 0, 0}).putInt(2).put("ui".getBytes());
        b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) W)
                .putShort((short) H).putInt(0);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                b.put(x < W / 2 ? new byte[] {0, 0, (byte) 255, 0} : new byte[] {(byte) 255, 0, 0, 0});
            }
        }
        byte[] script = java.util.Arrays.copyOf(b.array(), b.position());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.getOutputStream().write(script);
                s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // client closed
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void showsTheFrameAndSavesItAsPng(@TempDir Path dir) throws Exception {
        try (ServerSocket server = serveOneFrame()) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), VncOptions.defaults());
            client.connect();
            VncView view = new VncView();
            FxPoll.onFx(() -> {
                Stage stage = new Stage();
                view.setScaleMode(VncView.ScaleMode.ONE_TO_ONE);
                stage.setScene(new Scene(view, W, H));
                stage.show();
                view.attach(client);
                return null;
            });
            // The frame arrives on the client's thread and is drawn at a later pulse: wait (bounded) for it; the
            // assertions in the probe say which pixel was wrong if it never comes.
            FxPoll.until("the served frame on screen", () -> {
                WritableImage snap = view.snapshot(null, null);
                assertEquals(0xFFFF0000, snap.getPixelReader().getArgb(5, 5), "left half red on screen");
                assertEquals(0xFF0000FF, snap.getPixelReader().getArgb(W - 5, 5), "right half blue on screen");
                return Optional.of(true);
            });
            assertEquals(VncView.Status.CONNECTED, FxPoll.onFx(view::getStatus));

            Path png = dir.resolve("shot.png");
            view.snapshotPng(png);
            BufferedImage saved = ImageIO.read(png.toFile());
            assertEquals(W, saved.getWidth());
            assertEquals(0xFFFF0000, saved.getRGB(1, 1));
            assertEquals(0xFF0000FF, saved.getRGB(W - 1, H - 1));
            client.close();
        }
    }

    @Test
    void powerActionsAppearOnlyWhenTheServerOffersXvp() throws Exception {
        // ServerInit, then XVP_INIT (no installed server offers XVP: the bytes follow rfbproto)
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put("RFB 003.008\n".getBytes()).put((byte) 1).put((byte) 1).putInt(0);
        b.putShort((short) W).putShort((short) H).put(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0,
            (byte) 255, 16, 8, 0, 0, 0, 0}).putInt(2).put("ui".getBytes());
        byte[] hello = java.util.Arrays.copyOf(b.array(), b.position());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), VncOptions.defaults());
            try (Socket serverSide = accepted.get(FxPoll.LIMIT_S, TimeUnit.SECONDS)) {
                serverSide.getOutputStream().write(hello);
                client.connect();
                VncView view = new VncView();
                boolean before = FxPoll.onFx(() -> {
                    view.attach(client);
                    return view.powerActionsAvailableProperty().get();
                });
                assertEquals(false, before, "no XVP offered yet");
                serverSide.getOutputStream().write(new byte[] {(byte) 250, 0, 1, 1});
                FxPoll.until("power actions offered after XVP_INIT", () -> Optional.of(true)
                        .filter(yes -> view.powerActionsAvailableProperty().get()));
                Platform.runLater(() -> view.power(org.vireo.vnc.XvpAction.RESET));
                // what the client sent ends with the XVP reset request (read with a socket timeout)
                byte[] reset = {(byte) 250, 0, 1, 4};
                byte[] buf = new byte[4096];
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                serverSide.setSoTimeout((int) TimeUnit.SECONDS.toMillis(FxPoll.LIMIT_S));
                while (!endsWith(all.toByteArray(), reset)) {
                    int n = serverSide.getInputStream().read(buf);
                    if (n < 0) {
                        break;
                    }
                    all.write(buf, 0, n);
                }
                assertEquals(true, endsWith(all.toByteArray(), reset), "XVP reset sent");
            } finally {
                client.close();
            }
        }
    }

    private static boolean endsWith(byte[] data, byte[] tail) {
        return data.length >= tail.length
                && java.util.Arrays.equals(data, data.length - tail.length, data.length, tail, 0, tail.length);
    }
}
