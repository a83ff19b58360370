package org.vireo.vnc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A fake RFB server on 127.0.0.1 that writes a fixed byte script (possibly hostile) and records what
 * the client sent. It keeps the connection open until closed, so a client that waits for bytes the
 * script never sends would hang: the tests therefore prove the client stops on its own.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile Socket socket;

    ScriptedServer(byte[] script) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(script), "scripted-rfb-server");
        t.setDaemon(true);
        t.start();
    }

    private void serve(byte[] script) {
        try {
            socket = server.accept();
            Thread drain = new Thread(() -> {
                try (InputStream in = socket.getInputStream()) {
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (received) {
                            received.write(buf, 0, n);
                            received.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the client closed: nothing more to record
                }
            }, "scripted-rfb-drain");
            drain.setDaemon(true);
            drain.start();
            OutputStream out = socket.getOutputStream();
            out.write(script);
            out.flush();
        } catch (IOException e) {
            // the client went away while we wrote: the test judges the client, not the server
        }
    }

    VncClient client(VncOptions options) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        return new VncClient(s.getInputStream(), s.getOutputStream(), options);
    }

    /** A client with {@code listener} added, connected (handshake done, session threads running). */
    VncClient connect(VncOptions options, RecordingListener listener) throws IOException {
        VncClient c = client(options);
        c.addListener(listener);
        c.connect();
        return c;
    }

    /** What the client sent, once it is at least {@code n} bytes (bounded wait). */
    byte[] awaitReceived(int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        synchronized (received) {
            while (received.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("client sent only " + received.size() + " of " + n + " bytes");
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return received.toByteArray();
        }
    }

    /** Whether the client sent {@code message} within 10 s (it may follow any number of other messages). */
    boolean awaitSent(byte[] message) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (indexOf(received(), 0, message) < 0 && System.nanoTime() < deadline) {
            awaitReceived(received().length + 1, 10);
        }
        return indexOf(received(), 0, message) >= 0;
    }

    /** Where {@code part} first occurs in {@code data} at or after {@code from}, or -1. */
    static int indexOf(byte[] data, int from, byte[] part) {
        outer:
        for (int i = from; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }

    /** Builder for server-side byte sequences. */
    static final class Script {
        private final ByteBuffer b = ByteBuffer.allocate(1 << 20);

        Script ascii(String s) {
            b.put(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Script u8(int... values) {
            for (int v : values) {
                b.put((byte) v);
            }
            return this;
        }

        Script u16(int v) {
            b.putShort((short) v);
            return this;
        }

        Script s32(int v) {
            b.putInt(v);
            return this;
        }

        Script bytes(byte[] data) {
            b.put(data);
            return this;
        }

        /** Little-endian BGRX pixel as the client asked for. */
        Script pixel(int rgb) {
            return u8(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF, 0);
        }

        /** RFB 3.8, security None accepted, ServerInit of the given size. */
        Script hello38(int width, int height) {
            ascii("RFB 003.008\n").u8(1, 1).s32(0);
            return serverInit(width, height);
        }

        Script serverInit(int width, int height) {
            u16(width).u16(height).u8(32, 24, 0, 1).u16(255).u16(255).u16(255).u8(16, 8, 0, 0, 0, 0);
            return s32(4).ascii("test");
        }

        Script rectHeader(int x, int y, int w, int h, int encoding) {
            return u16(x).u16(y).u16(w).u16(h).s32(encoding);
        }

        byte[] build() {
            byte[] out = new byte[b.position()];
            b.duplicate().flip().get(out);
            return out;
        }
    }
}
