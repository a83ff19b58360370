package org.vireo.connections.testbed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The running two-host test bed, as described by the env file {@code testbed/start} writes to
 * {@code ${VIREO_TESTBED_STATE:-<repo root>/.testbed-state}/env}. Tests call {@link #require()}:
 * a test bed that is not running makes the test fail with a clear message, never skip.
 */
public final class Testbed {

    public static final String NOT_RUNNING = "test bed not running: run testbed/start";

    /** One libvirt host of the test bed: a libvirtd in its own namespace behind its own sshd. */
    public record Host(String id, String hostname, String unixUri, Path socket, int sshPort,
                       String sshUri, int vncPortMin, int vncPortMax,
                       int migrationPortMin, int migrationPortMax,
                       Path holderPidFile, Path libvirtdPidFile, Path virtlogdPidFile, Path sshdPidFile) {

        public boolean vncPortInRange(int port) {
            return port >= vncPortMin && port <= vncPortMax;
        }
    }

    private final Path stateDir;
    private final String virtType;
    private final Path sshKey;
    private final Path knownHosts;
    private final Path sshCommand;
    private final Host hostA;
    private final Host hostB;

    private Testbed(Path envFile, Properties env) {
        EnvFile values = new EnvFile(envFile, env);
        this.stateDir = values.path("VIREO_TB_STATE");
        this.virtType = values.string("VIREO_TB_VIRT_TYPE");
        if (!virtType.equals("kvm") && !virtType.equals("qemu")) {
            throw new IllegalStateException("VIREO_TB_VIRT_TYPE in " + envFile + " is '" + virtType
                    + "', expected kvm or qemu");
        }
        this.sshKey = values.path("VIREO_TB_SSH_KEY");
        this.knownHosts = values.path("VIREO_TB_KNOWN_HOSTS");
        this.sshCommand = values.path("VIREO_TB_SSH_COMMAND");
        this.hostA = values.host("a");
        this.hostB = values.host("b");
    }

    /** The running test bed of this checkout; fails with {@link #NOT_RUNNING} when it is down. */
    public static Testbed require() {
        return require(defaultStateDir());
    }

    /** The running test bed whose state folder is {@code stateDir}. */
    public static Testbed require(Path stateDir) {
        Path envFile = stateDir.resolve("env");
        if (!Files.isRegularFile(envFile)) {
            throw new IllegalStateException(NOT_RUNNING + " (no " + envFile + ")");
        }
        Testbed testbed = load(envFile);
        for (Host host : testbed.hosts()) {
            if (!Files.exists(host.socket())) {
                throw new IllegalStateException(NOT_RUNNING + " (host " + host.id() + ": no libvirt socket "
                        + host.socket() + ")");
            }
        }
        return testbed;
    }

    /** Reads an env file without checking that the hosts are up. */
    public static Testbed load(Path envFile) {
        Properties env = new Properties();
        try (Reader reader = Files.newBufferedReader(envFile, StandardCharsets.UTF_8)) {
            env.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(NOT_RUNNING + " (cannot read " + envFile + ": " + e.getMessage() + ")", e);
        }
        return new Testbed(envFile, env);
    }

    /** {@code $VIREO_TESTBED_STATE}, or {@code .testbed-state} in the repository root. */
    public static Path defaultStateDir() {
        String fromEnv = System.getenv("VIREO_TESTBED_STATE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return repoRoot(Path.of("").toAbsolutePath()).resolve(".testbed-state");
    }

    /** The nearest folder at or above {@code start} that holds {@code testbed/start}. */
    public static Path repoRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("testbed").resolve("start"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no testbed/start in " + start.toAbsolutePath()
                + " or any folder above it: run the tests inside the Vireo repository or set VIREO_TESTBED_STATE");
    }

    public Path stateDir() { return stateDir; }

    /** {@code kvm} when QEMU can use /dev/kvm, {@code qemu} (TCG) otherwise: the domain type to use. */
    public String virtType() { return virtType; }

    /** The test bed's client private key (ed25519, no passphrase), authorised for root on both hosts. */
    public Path sshKey() { return sshKey; }

    /** known_hosts with both hosts' keys as {@code [127.0.0.1]:PORT}. */
    public Path knownHosts() { return knownHosts; }

    /** An ssh wrapper using the key and known_hosts above, for {@code qemu+ssh://...?command=}. */
    public Path sshCommand() { return sshCommand; }

    public Host hostA() { return hostA; }

    public Host hostB() { return hostB; }

    public List<Host> hosts() { return List.of(hostA, hostB); }

    /** Host "a" or "b". */
    public Host host(String id) {
        return switch (id) {
            case "a" -> hostA;
            case "b" -> hostB;
            default -> throw new IllegalArgumentException("test-bed host must be a or b, got '" + id + "'");
        };
    }

    /** Typed, checked access to the env file's values; every error names the key and the file. */
    private record EnvFile(Path file, Properties values) {

        String string(String key) {
            String value = values.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(key + " is missing in " + file + ": run testbed/start again");
            }
            return value.trim();
        }

        Path path(String key) {
            return Path.of(string(key));
        }

        int port(String key) {
            String value = string(key);
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException("out of range");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalStateException(key + " in " + file + " is '" + value + "', not a port number", e);
            }
        }

        Host host(String id) {
            String p = "VIREO_TB_" + id.toUpperCase(java.util.Locale.ROOT) + "_";
            return new Host(id, string(p + "HOSTNAME"), string(p + "URI"), path(p + "SOCKET"),
                    port(p + "SSH_PORT"), string(p + "SSH_URI"), port(p + "VNC_MIN"), port(p + "VNC_MAX"),
                    port(p + "MIGRATION_PORT_MIN"), port(p + "MIGRATION_PORT_MAX"),
                    path(p + "PID_HOLDER"), path(p + "PID_LIBVIRTD"), path(p + "PID_VIRTLOGD"), path(p + "PID_SSHD"));
        }
    }
}
