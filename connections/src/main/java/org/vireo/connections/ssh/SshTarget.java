package org.vireo.connections.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vireo.resources.Text;

/**
 * Where to log in, as the user wrote it (host may be a ~/.ssh/config alias); {@link SshConfigResolver}
 * turns it into real addresses.
 *
 * @param user         null: from ~/.ssh/config, else the local user name
 * @param port         0: from ~/.ssh/config, else 22
 * @param jumpHosts    per-connection jumps, first hop first; empty: ProxyJump from ~/.ssh/config applies
 * @param identityFile libvirt's {@code keyfile=}: tried before any other key; null for none
 */
public record SshTarget(String user, String host, int port, List<SshHop> jumpHosts, String identityFile) {

    /**
     * libvirt URI query parameters Vireo understands; others are refused with a message. {@code mode} and
     * {@code proxy} choose libvirt's remote helper, which Vireo replaces by its own socket probe: accepted, ignored.
     */
    private static final Set<String> KNOWN_PARAMS = Set.of("keyfile", "socket", "no_verify", "mode", "proxy");

    public SshTarget {
        new SshHop(user, host, port); // same validation as a hop
        jumpHosts = jumpHosts == null ? List.of() : List.copyOf(jumpHosts);
    }

    public static SshTarget of(String user, String host, int port) {
        return new SshTarget(user, host, port, List.of(), null);
    }

    public SshTarget withJumpHosts(String jumpSetting) {
        return new SshTarget(user, host, port, SshHop.parseChain(jumpSetting), identityFile);
    }

    /**
     * The SSH side of a remote libvirt URI such as {@code qemu+ssh://root@host:2222/system?keyfile=/k}.
     *
     * @param jumpSetting the connection's own jump setting ({@code [user@]host[:port],...}), or null
     * @throws IllegalArgumentException for a URI that is not {@code +ssh}, or parameters Vireo cannot honour
     */
    public static SshTarget fromLibvirtUri(String libvirtUri, String jumpSetting) {
        URI uri;
        try {
            uri = new URI(libvirtUri);
        } catch (URISyntaxException e) {
            throw new SshSettingException(Text.of("ssh.setting.notUri", libvirtUri, e.getReason()), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.endsWith("+ssh") || scheme.endsWith("+libssh") || scheme.endsWith("+libssh2"))) {
            throw new SshSettingException(Text.of("ssh.setting.notSsh", libvirtUri));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new SshSettingException(Text.of("ssh.setting.noHost", libvirtUri));
        }
        Map<String, String> params = queryParams(uri);
        for (String name : params.keySet()) {
            if (!KNOWN_PARAMS.contains(name)) {
                throw new SshSettingException(Text.of("ssh.setting.param", name,
                        String.join(", ", new TreeSet<>(KNOWN_PARAMS)), libvirtUri));
            }
        }
        String noVerify = params.getOrDefault("no_verify", "0");
        if (!noVerify.equals("0")) {
            throw new SshSettingException(Text.of("ssh.setting.noVerify", noVerify, libvirtUri));
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? 0 : uri.getPort();
        return new SshTarget(uri.getUserInfo(), host, port, SshHop.parseChain(jumpSetting), params.get("keyfile"));
    }

    /** Query parameters of a libvirt URI, decoded; the last occurrence wins, as in libvirt. */
    public static Map<String, String> queryParams(URI uri) {
        Map<String, String> params = new TreeMap<>();
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return params;
        }
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public String toString() {
        return new SshHop(user, host, port).toString();
    }
}
