package org.vireo.connections.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where SSH state lives and how eagerly a dead host is noticed. Tests pass their own paths and environment.
 *
 * @param home              for default keys ~/.ssh/id_* and {@code ~/} in IdentityFile
 * @param configFile        ~/.ssh/config
 * @param knownHostsFile    ~/.ssh/known_hosts
 * @param agentSocket       ssh-agent socket ($SSH_AUTH_SOCK), null for no agent
 * @param connectTimeout    TCP connect + SSH handshake
 * @param keepaliveInterval server-alive probe interval; a host is declared dead after
 *                          interval × (keepaliveCountMax + 1) without an answer
 */
public record SshSettings(Path home, Path configFile, Path knownHostsFile, Path agentSocket, String localUser,
                          Duration connectTimeout, Duration keepaliveInterval, int keepaliveCountMax) {

    /** 3 s × 3 = 9 s: a dead host is marked lost within 10 s, as the issue asks. */
    public static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(3);
    public static final int KEEPALIVE_COUNT_MAX = 2;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The usual OpenSSH locations under {@code home}, agent from {@code env.get("SSH_AUTH_SOCK")}. */
    public static SshSettings forHome(Path home, Map<String, String> env, String localUser) {
        Path ssh = home.resolve(".ssh");
        String sock = env.get("SSH_AUTH_SOCK");
        return new SshSettings(home, ssh.resolve("config"), ssh.resolve("known_hosts"),
                sock == null || sock.isBlank() ? null : Path.of(sock), localUser,
                CONNECT_TIMEOUT, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT_MAX);
    }

    /** This process's user, home and environment. */
    public static SshSettings fromSystem() {
        return forHome(Path.of(System.getProperty("user.home")), System.getenv(), System.getProperty("user.name"));
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(home, configFile, file, agentSocket, localUser, connectTimeout, keepaliveInterval,
                keepaliveCountMax);
    }

    public SshSettings withConfigFile(Path file) {
        return new SshSettings(home, file, knownHostsFile, agentSocket, localUser, connectTimeout, keepaliveInterval,
                keepaliveCountMax);
    }

    public SshSettings withAgentSocket(Path socket) {
        return new SshSettings(home, configFile, knownHostsFile, socket, localUser, connectTimeout, keepaliveInterval,
                keepaliveCountMax);
    }

    /** Key files OpenSSH tries when none is configured, in its order. */
    public java.util.List<Path> defaultKeyFiles() {
        Path ssh = home.resolve(".ssh");
        return java.util.List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa"));
    }
}
