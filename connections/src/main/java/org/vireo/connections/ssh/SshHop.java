package org.vireo.connections.ssh;

import java.util.ArrayList;
import java.util.List;
import org.vireo.resources.Text;

/**
 * One {@code [user@]host[:port]} hop as written in ProxyJump or a connection's jump setting.
 *
 * @param user null when not given (resolved later from ~/.ssh/config, then the local user name)
 * @param port 0 when not given
 */
public record SshHop(String user, String host, int port) {
    public SshHop {
        if (host == null || host.isBlank()) {
            throw new SshSettingException(Text.of("ssh.setting.hopNoHost"));
        }
        if (port < 0 || port > 65535) {
            throw new SshSettingException(Text.of("ssh.setting.hopPort", port));
        }
    }

    /** Parses {@code [user@]host[:port]}, {@code [user@][v6addr][:port]} or {@code ssh://[user@]host[:port]}. */
    public static SshHop parse(String text) {
        String s = text.strip();
        Text where = Text.of("ssh.setting.where", text);
        if (s.startsWith("ssh://")) {
            s = s.substring("ssh://".length());
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
            if (user.isEmpty()) {
                throw new SshSettingException(Text.of("ssh.setting.emptyUser", where));
            }
        }
        String host = s;
        int port = 0;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new SshSettingException(Text.of("ssh.setting.missingBracket", where));
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new SshSettingException(Text.of("ssh.setting.unexpected", rest, where));
                }
                port = parsePort(rest.substring(1), where);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(s.substring(s.indexOf(':') + 1), where);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw new SshSettingException(Text.of("ssh.setting.badHost", where));
        }
        return new SshHop(user, host, port);
    }

    /** Parses a comma-separated chain as OpenSSH's ProxyJump; blank or {@code none} give an empty list. */
    public static List<SshHop> parseChain(String text) {
        List<SshHop> hops = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return hops;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                throw new SshSettingException(Text.of("ssh.setting.emptyHop", text));
            }
            hops.add(parse(part));
        }
        return List.copyOf(hops);
    }

    private static int parsePort(String s, Text where) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new SshSettingException(Text.of("ssh.setting.portRange", s, where));
            }
            return p;
        } catch (NumberFormatException e) {
            throw new SshSettingException(Text.of("ssh.setting.portNotNumber", s, where), e);
        }
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + (host.contains(":") ? "[" + host + "]" : host) + (port == 0 ? "" : ":" + port);
    }
}
