package org.vireo.connections.nodelist;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The node list's own checks of host names, users, ports, IPv6 literals and libvirt URIs, and how
 * a host becomes a URI. Kept in one place so that it can give way to the shared libvirt URI parser.
 * Everything here is strict on purpose: a file is untrusted input, and host names end up in SSH
 * connections, so anything that is not plainly a host name is refused with a reason.
 */
final class NodeAddress {
    static final int MAX_HOST_CHARS = 253;
    private static final int MAX_LABEL_CHARS = 63;
    private static final int MAX_USER_CHARS = 64;
    private static final int MAX_TEXT_CHARS = 200;
    private static final int MAX_SHOWN = 60;

    private static final Set<String> DRIVERS = Set.of("qemu", "xen", "test");
    private static final Set<String> TRANSPORTS = Set.of("ssh", "libssh", "libssh2", "tls", "tcp", "unix");
    /** libvirt URI parameters that only tune the transport; the others (command, netcat...) name programs. */
    private static final Set<String> SAFE_PARAMETERS = Set.of("no_verify", "no_tty", "keyfile", "known_hosts",
            "known_hosts_verify", "sshauth", "socket", "mode", "pkipath", "name", "tls_priority");
    private static final Set<String> COMMAND_PARAMETERS = Set.of("command", "netcat", "proxy");

    /** {@code [user@]host[:port]}: user and port null/0 when absent, host without IPv6 brackets. */
    record HostSpec(String user, String host, int port) {
        boolean ipv6() {
            return host.indexOf(':') >= 0;
        }

        /** How the host is written in a URI or an SSH destination. */
        String hostForUri() {
            return ipv6() ? "[" + host + "]" : host;
        }
    }

    /** A libvirt URI taken apart. */
    record UriParts(String driver, String transport, HostSpec authority, String path, String query) {
        /** The form two URIs are compared in: lowercase scheme and host, default port and empty path left out. */
        String normalised() {
            StringBuilder b = new StringBuilder(driver);
            if (transport != null) {
                b.append('+').append(transport);
            }
            b.append("://");
            if (authority != null) {
                if (authority.user() != null) {
                    b.append(authority.user()).append('@');
                }
                b.append(authority.hostForUri().toLowerCase(Locale.ROOT));
                if (authority.port() != 0 && authority.port() != defaultPort(transport)) {
                    b.append(':').append(authority.port());
                }
            }
            b.append(path.isEmpty() ? "/" : path);
            if (query != null) {
                b.append('?').append(query);
            }
            return b.toString();
        }
    }

    private NodeAddress() {
    }

    static String buildUri(Driver driver, String user, HostSpec host) {
        StringBuilder b = new StringBuilder(driver.scheme()).append("://");
        if (user != null) {
            b.append(user).append('@');
        }
        b.append(host.hostForUri());
        if (host.port() != 0) {
            b.append(':').append(host.port());
        }
        return b.append(driver.path()).toString();
    }

    /** The comparison form of a saved URI; one this parser refuses is compared as lowercase text. */
    static String normalise(String uri) {
        try {
            return parseUri(uri.strip()).normalised();
        } catch (InvalidRowException e) {
            return uri.strip().toLowerCase(Locale.ROOT);
        }
    }

    static UriParts parseUri(String uri) throws InvalidRowException {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd <= 0) {
            throw new InvalidRowException("'" + shown(uri) + "' is not a libvirt URI (expected driver[+transport]://[user@]host/path)");
        }
        String scheme = uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String driver = plus < 0 ? scheme : scheme.substring(0, plus);
        String transport = plus < 0 ? null : scheme.substring(plus + 1);
        if (!DRIVERS.contains(driver) || (transport != null && !TRANSPORTS.contains(transport))) {
            throw new InvalidRowException("unknown URI scheme '" + shown(scheme)
                    + "' (Vireo takes qemu, xen or test, alone or with +ssh, +libssh, +libssh2, +tls, +tcp or +unix)");
        }
        checkUriCharacters(uri);
        String rest = uri.substring(schemeEnd + 3);
        int authorityEnd = indexOfAny(rest, "/?");
        String authorityText = rest.substring(0, authorityEnd);
        String afterAuthority = rest.substring(authorityEnd);
        int q = afterAuthority.indexOf('?');
        String path = q < 0 ? afterAuthority : afterAuthority.substring(0, q);
        String query = q < 0 ? null : afterAuthority.substring(q + 1);

        HostSpec authority = null;
        if (authorityText.isEmpty()) {
            if (transport != null && !transport.equals("unix")) {
                throw new InvalidRowException("the URI has no host name, which " + scheme + " needs");
            }
        } else {
            authority = parseHostSpec(authorityText);
        }
        checkPath(driver, path);
        if (query != null) {
            checkQuery(query);
        }
        return new UriParts(driver, transport, authority, path, query);
    }

    /** Parses {@code [user@]host[:port]}, {@code [user@][v6addr][:port]} or a bare IPv6 address. */
    static HostSpec parseHostSpec(String text) throws InvalidRowException {
        String user = null;
        String rest = text;
        int at = text.indexOf('@');
        if (at >= 0) {
            user = text.substring(0, at);
            rest = text.substring(at + 1);
            failIfPresent(checkUser(user));
        }
        String host;
        int port = 0;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new InvalidRowException("'[' without a closing ']' in '" + shown(text) + "'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidRowException("unexpected '" + shown(after) + "' after ']' in '" + shown(text) + "'");
                }
                port = parsePort(after.substring(1));
            }
            if (host.indexOf(':') < 0) {
                throw new InvalidRowException("'" + shown(host) + "' in brackets is not an IPv6 address");
            }
        } else {
            int first = rest.indexOf(':');
            if (first >= 0 && first == rest.lastIndexOf(':')) {
                host = rest.substring(0, first);
                port = parsePort(rest.substring(first + 1));
            } else {
                host = rest; // no colon, or a bare IPv6 address (no port possible without brackets)
            }
        }
        failIfPresent(checkHost(host));
        return new HostSpec(user, host, port);
    }

    static int parsePort(String text) throws InvalidRowException {
        if (text.isEmpty()) {
            throw new InvalidRowException("empty port after ':'");
        }
        if (text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRowException("port '" + shown(text) + "' is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new InvalidRowException("port " + port + " is out of range (1-65535)");
        }
        return port;
    }

    /** A host name (letters, digits, '-', '_', '.') or an IPv6 address without brackets. */
    static Optional<String> checkHost(String host) {
        if (host.isEmpty()) {
            return Optional.of("no host name");
        }
        if (host.indexOf(':') >= 0) {
            return checkIpv6(host);
        }
        if (host.length() > MAX_HOST_CHARS) {
            return Optional.of("host name is " + host.length() + " characters long (at most " + MAX_HOST_CHARS + ")");
        }
        if (host.startsWith("-") || host.startsWith(".")) {
            return Optional.of("host name '" + shown(host) + "' starts with '" + host.charAt(0) + "'");
        }
        Optional<String> bad = firstBadCharacter("host name", host, NodeAddress::isHostChar);
        if (bad.isPresent()) {
            return bad;
        }
        String labels = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : labels.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Optional.of("host name '" + shown(host) + "' has an empty part between dots");
            }
            if (label.length() > MAX_LABEL_CHARS) {
                return Optional.of("host name '" + shown(host) + "' has a part longer than " + MAX_LABEL_CHARS + " characters");
            }
        }
        return Optional.empty();
    }

    static Optional<String> checkUser(String user) {
        if (user.isEmpty()) {
            return Optional.of("empty user name before '@'");
        }
        if (user.length() > MAX_USER_CHARS) {
            return Optional.of("user name is " + user.length() + " characters long (at most " + MAX_USER_CHARS + ")");
        }
        Optional<String> bad = firstBadCharacter("user name", user, c -> isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
        if (bad.isPresent()) {
            return bad;
        }
        return user.startsWith("-") ? Optional.of("user name '" + shown(user) + "' starts with '-'") : Optional.empty();
    }

    /** {@code [user@]host[:port]}, several separated by commas (ssh -J syntax). */
    static Optional<String> checkJump(String jump) {
        for (String hop : jump.split(",", -1)) {
            try {
                parseHostSpec(hop.strip());
            } catch (InvalidRowException e) {
                return Optional.of("jump host: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Free text such as a group or display name: printable, one line, not huge. */
    static Optional<String> checkLabel(String what, String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            return Optional.of(what + " is " + text.length() + " characters long (at most " + MAX_TEXT_CHARS + ")");
        }
        return firstBadCharacter(what, text, c -> !Character.isISOControl(c));
    }

    private static Optional<String> checkIpv6(String address) {
        if (address.indexOf('%') >= 0) {
            return Optional.of("IPv6 zone ids ('%...') are not supported: '" + shown(address) + "'");
        }
        Optional<String> bad = firstBadCharacter("IPv6 address", address,
                c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.');
        if (bad.isPresent()) {
            return bad;
        }
        String invalid = "'" + shown(address) + "' is not a valid IPv6 address";
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.of(invalid + " ('::' appears twice)");
        }
        String[] halves = doubleColon >= 0
                ? new String[] {address.substring(0, doubleColon), address.substring(doubleColon + 2)}
                : new String[] {address};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean lastOfAddress = h == halves.length - 1 && i == parts.length - 1;
                if (lastOfAddress && part.indexOf('.') >= 0) {
                    if (!isIpv4(part)) {
                        return Optional.of(invalid);
                    }
                    groups += 2;
                } else if (part.isEmpty() || part.length() > 4 || part.indexOf('.') >= 0) {
                    return Optional.of(invalid);
                } else {
                    groups++;
                }
            }
        }
        boolean ok = doubleColon >= 0 ? groups <= 7 : groups == 8;
        return ok ? Optional.empty() : Optional.of(invalid + " (wrong number of groups)");
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void checkUriCharacters(String uri) throws InvalidRowException {
        // RFC 3986 characters that libvirt URIs use; no quotes, spaces or shell metacharacters.
        failIfPresent(firstBadCharacter("URI", uri,
                c -> isAsciiLetterOrDigit(c) || "-._~:/?[]@%+=,&".indexOf(c) >= 0));
    }

    private static void checkPath(String driver, String path) throws InvalidRowException {
        boolean ok = switch (driver) {
            case "qemu" -> path.equals("/system") || path.equals("/session");
            case "xen" -> path.isEmpty() || path.equals("/");
            default -> path.isEmpty() || path.startsWith("/");
        };
        if (!ok) {
            String expected = driver.equals("qemu") ? "/system or /session" : "/";
            throw new InvalidRowException(driver + " URIs end in " + expected + ", not '" + shown(path) + "'");
        }
    }

    private static void checkQuery(String query) throws InvalidRowException {
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (COMMAND_PARAMETERS.contains(key)) {
                throw new InvalidRowException("URI parameter '" + key + "' names a program to run; it is not taken from an imported file");
            }
            if (!SAFE_PARAMETERS.contains(key)) {
                throw new InvalidRowException("unknown URI parameter '" + shown(key) + "'");
            }
        }
    }

    private static int defaultPort(String transport) {
        if (transport == null) {
            return -1;
        }
        return switch (transport) {
            case "ssh", "libssh", "libssh2" -> 22;
            case "tcp" -> 16509;
            case "tls" -> 16514;
            default -> -1;
        };
    }

    private interface CharTest {
        boolean allowed(char c);
    }

    private static Optional<String> firstBadCharacter(String what, String text, CharTest test) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!test.allowed(c)) {
                return Optional.of(what + " '" + shown(text) + "' contains " + describe(c));
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c == '\t') {
            return "a tab";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)) {
            return String.format("the control character U+%04X", (int) c);
        }
        if (c > 127) {
            return "the non-ASCII character '" + c + "' (write international names in punycode, xn--...)";
        }
        return "'" + c + "', which is not allowed there";
    }

    private static boolean isHostChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static void failIfPresent(Optional<String> problem) throws InvalidRowException {
        if (problem.isPresent()) {
            throw new InvalidRowException(problem.get());
        }
    }

    /** Text quoted in a message, shortened so that a huge value never floods the preview. */
    static String shown(String text) {
        String oneLine = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        StringBuilder b = new StringBuilder(oneLine.length());
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
