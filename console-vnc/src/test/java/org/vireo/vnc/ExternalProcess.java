package org.vireo.vnc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Helpers to run the real servers and X utilities the tests use (argument lists, never a shell). */
final class ExternalProcess {
    private ExternalProcess() {
    }

    /** Runs a command to completion within {@code seconds}; fails the test with its output otherwise. */
    static String run(Map<String, String> env, int seconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + seconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /**
     * Starts a long-running server and waits (bounded) until a line of its output matches {@code ready}.
     * Its output is kept in {@code log}.
     */
    static Process startAndAwait(List<String> command, Path log, Predicate<String> ready, int seconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch readyLatch = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    if (ready.test(line)) {
                        readyLatch.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended; the latch or its exit status tells the test
            }
        }, "log " + command.get(0));
        pump.setDaemon(true);
        pump.start();
        if (!readyLatch.await(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " not ready within " + seconds + " s (alive=" + p.isAlive()
                    + "); log:\n" + (Files.exists(log) ? Files.readString(log) : ""));
        }
        return p;
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A TCP port free on 127.0.0.1 right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An X display number with no lock file or socket. */
    static int freeDisplay() {
        for (int n = 70; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new AssertionError("no free X display number in 70..199");
    }
}
