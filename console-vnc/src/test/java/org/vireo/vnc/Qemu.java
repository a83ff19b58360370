package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;


/**
 * A QEMU without disks for tests, its VNC server on 127.0.0.1 and a QMP socket, started directly (no libvirt)
 * with -daemonize (the parent exits once VNC listens) and ended by its PID.
 */
final class Qemu implements AutoCloseable {
    final int port;
    final long pid;
    private final Path dir;
    private final Path qmp;

    private Qemu(Path dir, int port, long pid, Path qmp) {
        this.dir = dir;
        this.port = port;
        this.pid = pid;
        this.qmp = qmp;
    }

    /**
     * @param vncOptions appended to "-vnc 127.0.0.1:N" (e.g. ",tls-creds=tls0")
     * @param extra      further arguments (e.g. -object tls-creds-x509,...)
     */
    static Qemu start(Path dir, String name, String vncOptions, boolean paused, String... extra) throws Exception {
        int port = ExternalProcess.freePort();
        Path qmp = dir.resolve(name + "-qmp.sock");
        Path pidFile = dir.resolve(name + ".pid");
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-display", "none",
                "-vnc", "127.0.0.1:" + (port - 5900) + vncOptions, "-nodefaults", "-vga", "std", "-machine", "accel=tcg",
                "-m", "64", "-qmp", "unix:" + qmp + ",server=on,wait=off", "-daemonize", "-pidfile", pidFile.toString()));
        if (paused) {
            cmd.add("-S");
        }
        cmd.addAll(List.of(extra));
        ExternalProcess.run(Map.of(), 60, cmd.toArray(String[]::new));
        return new Qemu(dir, port, Long.parseLong(Files.readString(pidFile).strip()), qmp);
    }

    /** Sends QMP commands, each answered with "return" before the next (bounded). */
    void qmp(String... commands) throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(qmp));
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            CompletableFuture.supplyAsync(() -> readLine(reader)).get(10, TimeUnit.SECONDS);
            List<String> all = new ArrayList<>(List.of("{\"execute\":\"qmp_capabilities\"}"));
            all.addAll(List.of(commands));
            for (String command : all) {
                ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
                String reply;
                do {
                    reply = CompletableFuture.supplyAsync(() -> readLine(reader)).get(30, TimeUnit.SECONDS);
                } while (reply != null && reply.contains("\"event\""));
                assertTrue(reply != null && reply.contains("\"return\""), command + " answered " + reply);
            }
        }
    }

    /**
     * The guest display as QEMU itself renders it (QMP screendump), read from its binary PPM here: ImageMagick
     * would take the PPM for linear light and change every colour on the way to sRGB.
     */
    BufferedImage screendump() throws Exception {
        Path ppm = Files.createTempFile(dir, "screen", ".ppm");
        qmp("{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"" + ppm + "\"}}");
        byte[] data = Files.readAllBytes(ppm);
        String[] header = new String(data, 0, Math.min(data.length, 64), StandardCharsets.US_ASCII).split("\\s+", 5);
        assertTrue(header.length == 5 && header[0].equals("P6") && header[3].equals("255"), "binary PPM from QEMU");
        int w = Integer.parseInt(header[1]);
        int h = Integer.parseInt(header[2]);
        int offset = data.length - 3 * w * h;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            int p = offset + 3 * i;
            img.setRGB(i % w, i / w, (data[p] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF));
        }
        return img;
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().destroy();
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        }
    }
}
