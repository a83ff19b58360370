package org.vireo.connections.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenSSH server for tests: 127.0.0.1 on a free port, its own host key and authorized_keys, root
 * login by key only, forwarding allowed. Stopped by its own PID. Needs root (sshd's privilege separation);
 * creates the empty /run/sshd directory sshd requires when it is missing.
 */
public final class TestSshd implements AutoCloseable {
    private final Path dir;
    private final Path authorizedKeys;
    private final int port;
    private Path hostKey;
    private Process process;

    private TestSshd(Path dir, Path hostKey, Path authorizedKeys, int port) {
        this.dir = dir;
        this.hostKey = hostKey;
        this.authorizedKeys = authorizedKeys;
        this.port = port;
    }

    /** Starts sshd in {@code dir} with a fresh ed25519 host key; {@code authorizedKeys} lists allowed users' keys. */
    public static TestSshd start(Path dir, Path authorizedKeys) throws Exception {
        Files.createDirectories(dir);
        Path key = Keys.generate(dir.resolve("host_key_" + System.nanoTime()), "ed25519");
        TestSshd sshd = new TestSshd(dir, key, authorizedKeys, freePort());
        sshd.launch();
        return sshd;
    }

    public int port() {
        return port;
    }

    public Path hostKey() {
        return hostKey;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts again on the same port with the same host key (sshd came back after a crash). */
    public void restart() throws Exception {
        stop();
        launch();
    }

    /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 KEY}. */
    public String knownHostsLine() throws Exception {
        String[] pub = java.nio.file.Files.readString(Path.of(hostKey + ".pub")).trim().split(" ");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    /** Restarts on the same port with a new host key (a reinstalled host, or an impostor). */
    public void restartWithNewHostKey() throws Exception {
        stop();
        hostKey = Keys.generate(dir.resolve("host_key_" + System.nanoTime()), "ed25519");
        launch();
    }

    private void launch() throws Exception {
        Files.createDirectories(Path.of("/run/sshd"));
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys,
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes",
                "AllowStreamLocalForwarding yes",
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "LogLevel ERROR",
                ""));
        process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        awaitBanner(Duration.ofSeconds(10));
    }

    private void awaitBanner(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] banner = new byte[4];
                if (in.readNBytes(banner, 0, 4) == 4 && new String(banner).equals("SSH-")) {
                    return;
                }
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS); // bounded pause before the next probe
            }
        }
        throw new IllegalStateException("sshd on port " + port + " not ready within " + timeout);
    }

    /** Sends a signal to the listener and every per-connection sshd below it (e.g. STOP to stall the link). */
    public void signalAll(String signal) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal));
        for (long pid : descendantsAndSelf(process.pid())) {
            cmd.add(Long.toString(pid));
        }
        Keys.run(cmd);
    }

    private static List<Long> descendantsAndSelf(long pid) {
        List<Long> all = new ArrayList<>();
        all.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> all.add(d.pid())));
        return all;
    }

    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            List<Long> pids = descendantsAndSelf(process.pid());
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL also ends stopped ones
            }
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
