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
    private final PasswordLogin passwordLogin;
    private Path hostKey;
    private Process process;

    /**
     * How sshd takes root's password: by the "password" method (sshd reads the shadow file itself), or by
     * "keyboard-interactive" through PAM (pam_unix asks "Password:"), the usual set-up of distributions.
     */
    public enum PasswordMethod { PASSWORD, KEYBOARD_INTERACTIVE }

    /** Root's password for this server only: a shadow file and a PAM stack bound over the machine's in sshd's own mount namespace. */
    private record PasswordLogin(PasswordMethod method, Path shadow, Path pam) {}

    private TestSshd(Path dir, Path hostKey, Path authorizedKeys, int port, PasswordLogin passwordLogin) {
        this.dir = dir;
        this.hostKey = hostKey;
        this.authorizedKeys = authorizedKeys;
        this.port = port;
        this.passwordLogin = passwordLogin;
    }

    /** Starts sshd in {@code dir} with a fresh ed25519 host key; {@code authorizedKeys} lists allowed users' keys. */
    public static TestSshd start(Path dir, Path authorizedKeys) throws Exception {
        return startOn(dir, authorizedKeys, null);
    }

    private static TestSshd startOn(Path dir, Path authorizedKeys, PasswordLogin passwordLogin) throws Exception {
        Files.createDirectories(dir);
        Path key = Keys.generate(dir.resolve("host_key_" + System.nanoTime()), "ed25519");
        TestSshd sshd = new TestSshd(dir, key, authorizedKeys, freePort(), passwordLogin);
        sshd.launch();
        return sshd;
    }

    /**
     * Starts sshd where root logs in with {@code password} by {@code method} (and no key is authorized). The
     * machine's /etc/shadow is never changed: sshd runs in a mount namespace of its own where a copy with this
     * password is bound over it.
     */
    public static TestSshd startWithPassword(Path dir, String password, PasswordMethod method) throws Exception {
        Files.createDirectories(dir);
        Path noKeys = Files.writeString(dir.resolve("authorized_keys"), "");
        String hash = Keys.run(List.of("openssl", "passwd", "-6", "-salt", "vireotest", password)).trim();
        StringBuilder shadow = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/etc/shadow"))) {
            String[] fields = line.split(":", -1);
            if (fields.length > 1 && fields[0].equals("root")) {
                fields[1] = hash;
                line = String.join(":", fields);
            }
            shadow.append(line).append('\n');
        }
        Path shadowFile = Files.writeString(dir.resolve("shadow"), shadow);
        Files.setPosixFilePermissions(shadowFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path pam = Files.writeString(dir.resolve("pam-sshd"), String.join("\n",
                "auth required pam_unix.so", "account required pam_permit.so", "session required pam_permit.so",
                "password required pam_deny.so", ""));
        return startOn(dir, noKeys, new PasswordLogin(method, shadowFile, pam));
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
                "UsePAM " + yesNo(method(PasswordMethod.KEYBOARD_INTERACTIVE)),
                "StrictModes no",
                "PermitRootLogin yes",
                "PasswordAuthentication " + yesNo(method(PasswordMethod.PASSWORD)),
                "KbdInteractiveAuthentication " + yesNo(method(PasswordMethod.KEYBOARD_INTERACTIVE)),
                "AllowTcpForwarding yes",
                "AllowStreamLocalForwarding yes",
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "LogLevel ERROR",
                ""));
        List<String> command = new ArrayList<>();
        if (passwordLogin != null) {
            // unshare and sh exec into sshd: the process we hold (and kill) is sshd itself.
            command.addAll(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                    "mount -n --bind \"$1\" /etc/shadow && mount -n --bind \"$2\" /etc/pam.d/sshd && shift 2 && exec \"$@\"",
                    "sh", passwordLogin.shadow().toString(), passwordLogin.pam().toString()));
        }
        command.addAll(List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        awaitBanner(Duration.ofSeconds(10));
    }

    private boolean method(PasswordMethod m) {
        return passwordLogin != null && passwordLogin.method() == m;
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
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
        for (long pid : descendantsAndSelf(process.pid())) {
            try {
                Keys.run(List.of("kill", "-" + signal, Long.toString(pid)));
            } catch (IllegalStateException e) {
                // A per-connection child may end between listing and signalling (e.g. a finished pre-auth one).
                if (pid == process.pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw e;
                }
            }
        }
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
