package org.vireo.connections.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.vireo.resources.Text;

/**
 * Applies ~/.ssh/config (HostName, User, Port, IdentityFile via JSch's parser) and implements ProxyJump,
 * which JSch ignores: each hop is resolved through the config again, so chains such as
 * access → frontend → node work, with a bound on depth and a clear error on cycles.
 */
public final class SshConfigResolver {
    /** OpenSSH has no fixed limit; 8 nested levels is far beyond real grids and stops cycles early. */
    static final int MAX_DEPTH = 8;

    private final Path configFile;
    private final Path home;
    private final String localUser;

    /**
     * @param configFile ~/.ssh/config (missing file = empty config)
     * @param home       used to expand {@code ~/} in IdentityFile
     * @param localUser  user name when neither the target nor the config names one
     */
    public SshConfigResolver(Path configFile, Path home, String localUser) {
        this.configFile = configFile;
        this.home = home;
        this.localUser = localUser;
    }

    /** Resolves a target and its jump chain; per-connection jump hosts override the config's ProxyJump. */
    public SshRoute resolve(SshTarget target) throws SshException {
        ConfigRepository config = load();
        SshEndpoint end = endpoint(config, target.user(), target.host(), target.port(), target.identityFile());
        List<SshHop> jumps = target.jumpHosts().isEmpty() ? configuredJumps(config, target.host()) : target.jumpHosts();
        Deque<String> path = new ArrayDeque<>();
        path.addLast(label(target.host(), target.port()));
        return new SshRoute(chain(config, jumps, path), end);
    }

    /** Whether ~/.ssh/config asks for hashed known_hosts entries for this host. */
    public boolean hashKnownHosts(String alias) throws SshException {
        String value = load().getConfig(alias).getValue("HashKnownHosts");
        return value != null && value.equalsIgnoreCase("yes");
    }

    /**
     * OpenSSH semantics: the first hop is reached with its own ProxyJump applied (recursively); later hops are
     * reached through the earlier ones, so their own ProxyJump does not apply.
     */
    private List<SshEndpoint> chain(ConfigRepository config, List<SshHop> jumps, Deque<String> path) throws SshException {
        List<SshEndpoint> result = new ArrayList<>();
        if (jumps.isEmpty()) {
            return result;
        }
        SshHop first = jumps.get(0);
        String firstLabel = label(first.host(), first.port());
        if (path.contains(firstLabel)) {
            throw new SshException(Text.of("ssh.config.jumpLoop", configFile, String.join(" -> ", path) + " -> "
                    + firstLabel));
        }
        if (path.size() >= MAX_DEPTH) {
            throw new SshException(Text.of("ssh.config.jumpTooDeep", MAX_DEPTH, configFile,
                    String.join(" -> ", path) + " -> " + firstLabel));
        }
        path.addLast(firstLabel);
        result.addAll(chain(config, configuredJumps(config, first.host()), path));
        path.removeLast();
        for (SshHop hop : jumps) {
            result.add(endpoint(config, hop.user(), hop.host(), hop.port(), null));
        }
        if (result.size() > MAX_DEPTH) {
            throw new SshException(Text.of("ssh.config.tooManyJumps", MAX_DEPTH, path.peekFirst()));
        }
        return result;
    }

    /** A hop as written: same alias and port means the same hop (hosts on one address differ by port). */
    private static String label(String host, int port) {
        return port == 0 ? host : host + ":" + port;
    }

    private List<SshHop> configuredJumps(ConfigRepository config, String alias) throws SshException {
        String value = config.getConfig(alias).getValue("ProxyJump");
        try {
            return SshHop.parseChain(value);
        } catch (IllegalArgumentException e) {
            throw new SshException(Text.of("ssh.config.badJump", alias, configFile, e.getMessage()), e);
        }
    }

    private SshEndpoint endpoint(ConfigRepository config, String user, String alias, int port, String explicitKey) {
        ConfigRepository.Config c = config.getConfig(alias);
        String hostName = c.getHostname() == null ? alias : expandHostTokens(c.getHostname(), alias);
        String u = user != null ? user : c.getUser() != null ? c.getUser() : localUser;
        int p = port > 0 ? port : c.getPort() > 0 ? c.getPort() : 22;
        List<String> keys = new ArrayList<>();
        if (explicitKey != null) {
            keys.add(expandTilde(explicitKey));
        }
        String[] configured = c.getValues("IdentityFile");
        if (configured != null) {
            for (String k : configured) {
                keys.add(expandTilde(k));
            }
        }
        return new SshEndpoint(alias, u, hostName, p, keys);
    }

    /** JSch does not expand % tokens; %h (the alias) is by far the most used one in HostName. */
    private static String expandHostTokens(String hostName, String alias) {
        return hostName.replace("%h", alias).replace("%%", "%");
    }

    private String expandTilde(String path) {
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }

    private ConfigRepository load() throws SshException {
        try {
            return OpenSSHConfig.parse(Files.readString(configFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return ConfigRepository.nullConfig;
        } catch (IOException e) {
            throw new SshException(Text.of("ssh.config.unreadable", configFile, e.getMessage()), e);
        }
    }
}
