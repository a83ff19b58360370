package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/** TigerVNC's Xvnc for tests: started on 127.0.0.1 with a free display and port, a known picture on its root. */
final class Xvnc implements AutoCloseable {
    final int display;
    final int port;
    final Process process;
    private final Path dir;

    private Xvnc(Path dir, int display, int port, Process process) {
        this.dir = dir;
        this.display = display;
        this.port = port;
        this.process = process;
    }

    /** Starts Xvnc with {@code width}x{@code height}x24 and the extra arguments (security types, ...). */
    static Xvnc start(Path dir, String name, int width, int height, String... args) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int display = ExternalProcess.freeDisplay();
            int port = ExternalProcess.freePort();
            List<String> cmd = new ArrayList<>(List.of("Xvnc", ":" + display, "-rfbport", String.valueOf(port),
                    "-localhost", "-geometry", width + "x" + height, "-depth", "24", "-nolisten", "tcp"));
            cmd.addAll(List.of(args));
            Path log = dir.resolve(name + "-" + display + ".log");
            try {
                Process p = ExternalProcess.startAndAwait(cmd, log,
                        line -> line.contains("Listening for VNC connections"), 20);
                return new Xvnc(dir, display, port, p);
            } catch (AssertionError e) {
                // another X server (other tests, other users of this machine) took the display since we looked
                if (attempt == 3 || !Files.readString(log).contains("Server is already active")) {
                    throw e;
                }
            }
        }
    }

    Map<String, String> env() {
        return Map.of("DISPLAY", ":" + display);
    }

    /** Writes a many-coloured test picture of the given size (plasma and shapes) to a PNG. */
    static Path picture(Path dir, int width, int height) throws Exception {
        Path image = dir.resolve("picture-" + width + "x" + height + ".png");
        if (!Files.exists(image)) {
            ExternalProcess.run(Map.of(), 60, "convert", "-size", width + "x" + height, "-seed", "7", "plasma:fractal",
                    "-fill", "white", "-draw", "rectangle 10,10 200,100", "-fill", "blue", "-draw", "circle 400,300 450,350",
                    "-fill", "black", "-draw", "rectangle 500,20 620,200", "-depth", "8", image.toString());
        }
        return image;
    }

    /** Shows the picture on the root window and returns the server's own dump of it. */
    BufferedImage showPicture(int width, int height) throws Exception {
        Path image = picture(dir, width, height);
        // display(1) returns non-zero after setting the root background on this Xvnc; the dump decides.
        ProcessBuilder show = new ProcessBuilder("display", "-window", "root", image.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("display-" + display + ".log").toFile());
        show.environment().putAll(env());
        Process shown = show.start();
        if (!shown.waitFor(60, TimeUnit.SECONDS)) {
            shown.destroyForcibly();
        }
        BufferedImage dump = rootDump();
        assertTrue(distinctColours(dump) > 1000, "the root window shows the picture (" + distinctColours(dump)
                + " colours)");
        return dump;
    }

    /** The server's framebuffer as xwd sees it. */
    BufferedImage rootDump() throws Exception {
        Path xwd = Files.createTempFile(dir, "root", ".xwd");
        Path png = Files.createTempFile(dir, "root", ".png");
        ExternalProcess.run(env(), 30, "xwd", "-root", "-silent", "-out", xwd.toString());
        ExternalProcess.run(env(), 30, "convert", "xwd:" + xwd, "png:" + png);
        return ImageIO.read(png.toFile());
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /**
     * Makes an X client own the CLIPBOARD selection with {@code text} (xclip in the foreground); the caller
     * ends the returned process.
     */
    Process ownClipboard(String text) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("xclip", "-quiet", "-selection", "clipboard", "-i")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xclip-" + display + ".log").toFile());
        pb.environment().putAll(env());
        Process p = pb.start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p;
    }

    /** Polls xclip -o (bounded) until the display's CLIPBOARD holds {@code expected}. */
    void awaitClipboard(String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String seen = "";
        while (System.nanoTime() < deadline) {
            try {
                seen = ExternalProcess.run(env(), 30, "xclip", "-o", "-selection", "clipboard");
            } catch (AssertionError noOwnerYet) {
                seen = noOwnerYet.getMessage();
            }
            if (seen.equals(expected)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling an external program's state; no event to wait on
        }
        assertEquals(expected, seen, "X clipboard on the server");
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(process);
    }
}
