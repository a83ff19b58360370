package org.vireo.vnc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decode throughput per encoding (testbed/bench vnc): full 1920x1080 frames of a many-coloured picture are
 * captured from a real Xvnc, byte for byte, with each encoding forced; each capture is then replayed into a
 * VncClient from memory (no network, no server) and the decoded pixels per second are printed.
 */
public final class VncDecodeBench {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int FRAMES = 6;
    private static final int REPLAYS = 7;

    private record Case(String name, VncOptions options, int encoding) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("vireo-vnc-decode");
        List<Case> cases = List.of(
                new Case("Raw", only(Encoding.RAW), Encoding.RAW),
                new Case("RRE", only(Encoding.RRE), Encoding.RRE),
                new Case("Hextile", only(Encoding.HEXTILE), Encoding.HEXTILE),
                new Case("ZRLE", only(Encoding.ZRLE), Encoding.ZRLE),
                new Case("Tight lossless", only(Encoding.TIGHT), Encoding.TIGHT),
                new Case("Tight JPEG q8", only(Encoding.TIGHT).withJpegQuality(8), Encoding.TIGHT));
        try (Xvnc xvnc = Xvnc.start(dir, "decode-bench", WIDTH, HEIGHT, "-SecurityTypes", "None")) {
            xvnc.showPicture(WIDTH, HEIGHT);
            System.out.printf("%-16s %10s %12s %14s %18s%n", "encoding", "MB/frame", "Mpixels/s", "frames/s",
                    "Mpixels/CPU-s");
            for (Case c : cases) {
                byte[] stream = capture(xvnc.port, c.options());
                double[] rates = new double[REPLAYS];
                double[] cpuRates = new double[REPLAYS];
                long pixels = 0;
                for (int i = 0; i < REPLAYS; i++) {
                    long[] result = replay(stream, c.options(), c.encoding());
                    pixels = result[0];
                    rates[i] = result[0] / (result[1] / 1e9) / 1e6;
                    cpuRates[i] = result[0] / (result[2] / 1e9) / 1e6;
                }
                Arrays.sort(rates);
                Arrays.sort(cpuRates);
                double median = rates[REPLAYS / 2];
                System.out.printf("%-16s %10.2f %12.1f %14.1f %18.1f   (%d Mpixels per replay, median of %d)%n", c.name(),
                        stream.length / 1e6 / FRAMES, median, median * 1e6 / ((double) WIDTH * HEIGHT),
                        cpuRates[REPLAYS / 2], pixels / 1_000_000, REPLAYS);
            }
        }
    }

    private static VncOptions only(int encoding) {
        return VncOptions.defaults().withEncodings(List.of(encoding));
    }

    /** Connects, asks for FRAMES full (non-incremental) updates and returns every byte the server sent. */
    private static byte[] capture(int port, VncOptions options) throws Exception {
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            InputStream tee = new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        recorded.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        synchronized (recorded) {
                            recorded.write(b, off, n);
                        }
                    }
                    return n;
                }
            };
            VncClient client = new VncClient(tee, socket.getOutputStream(), options);
            AtomicLong pixels = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            client.addListener(new VncListener() {
                @Override
                public void onFramebufferUpdated(int x, int y, int w, int h) {
                    pixels.addAndGet((long) w * h);
                }

                @Override
                public void onUpdateBatchComplete() {
                    if (pixels.get() >= (long) FRAMES * WIDTH * HEIGHT) {
                        done.countDown();
                    } else if (pixels.get() % ((long) WIDTH * HEIGHT) == 0) {
                        client.requestUpdate(false);
                    }
                }
            });
            client.connect();
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + pixels.get() + " pixels captured within 120 s");
            }
            client.close();
        }
        synchronized (recorded) {
            return recorded.toByteArray();
        }
    }

    /**
     * Decodes a captured stream from memory; returns {pixels decoded, wall nanoseconds, reader-thread CPU
     * nanoseconds}. The CPU figure does not depend on what else the machine runs.
     */
    private static long[] replay(byte[] stream, VncOptions options, int encoding) throws Exception {
        AtomicLong pixels = new AtomicLong();
        AtomicLong lastBatch = new AtomicLong();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicLong readerCpu = new AtomicLong();
        VncClient client = new VncClient(new ByteArrayInputStream(stream), OutputStream.nullOutputStream(), options);
        client.addListener(new VncListener() {
            @Override
            public void onFramebufferUpdated(int x, int y, int w, int h) {
                pixels.addAndGet((long) w * h);
            }

            @Override
            public void onUpdateBatchComplete() {
                lastBatch.set(System.nanoTime());
            }

            @Override
            public void onClosed(Optional<Throwable> error) {
                // called on the reader thread, which did all the decoding
                readerCpu.set(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                ended.countDown(); // the recording's end ends the session
            }
        });
        long t0 = System.nanoTime();
        client.connect();
        if (!ended.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("replay did not end within 300 s");
        }
        if (!client.rectangleCounts().containsKey(encoding)) {
            throw new IllegalStateException("the capture holds no " + Encoding.name(encoding) + " rectangle: "
                    + client.rectangleCounts());
        }
        return new long[] {pixels.get(), lastBatch.get() - t0, readerCpu.get()};
    }
}
