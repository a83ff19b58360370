package org.vireo.connections.libvirt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vireo.resources.Text;

/**
 * A libvirt connection URI in virsh's syntax, {@code driver[+transport]://[user@][host][:port]/[path][?params]}.
 *
 * <p>Parsing is syntactic: any driver name is accepted (libvirt itself says whether it knows the driver),
 * transports are limited to the ones libvirt's remote driver knows. Anything that could be mistaken for
 * shell syntax, an ssh option or a second line is refused with the reason, because host and user later
 * become program arguments of ssh tunnels.
 */
public final class LibvirtUri {
    public static final Set<String> TRANSPORTS = Set.of("ssh", "libssh", "libssh2", "tcp", "tls", "unix", "ext");
    private static final Set<String> NETWORK_TRANSPORTS = Set.of("ssh", "libssh", "libssh2", "tcp", "tls", "ext");
    private static final int MAX_LENGTH = 4096;
    /** RFC 3986 characters allowed beside unreserved ones and %-escapes. */
    private static final String USER_EXTRA = "!$&'()*+,;=:";
    private static final String PATH_EXTRA = USER_EXTRA + "@/";
    private static final String QUERY_EXTRA = PATH_EXTRA + "?";

    private final String text;
    private final String driver;
    private final String transport;
    private final String user;
    private final String host;
    private final int port;
    private final String path;
    private final Map<String, String> params;

    private LibvirtUri(String text, String driver, String transport, String user, String host, int port,
                       String path, Map<String, String> params) {
        this.text = text;
        this.driver = driver;
        this.transport = transport;
        this.user = user;
        this.host = host;
        this.port = port;
        this.path = path;
        this.params = Collections.unmodifiableMap(params);
    }

    /** Parses {@code text} or throws {@link InvalidUriException} naming the URI and the first problem found. */
    public static LibvirtUri parse(String text) {
        if (text == null) {
            throw new InvalidUriException("", Text.of("uri.none"));
        }
        return new Parser(text).parse();
    }

    /** The parsed URI, or empty when {@code text} is not a valid libvirt URI. */
    public static Optional<LibvirtUri> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidUriException e) {
            return Optional.empty();
        }
    }

    /** Lower-case driver name: "qemu", "xen", "test", "lxc", ... */
    public String driver() {
        return driver;
    }

    /** Lower-case transport ("ssh", "tls", ...) when the URI names one. */
    public Optional<String> transport() {
        return Optional.ofNullable(transport);
    }

    /** Decoded user name, "" when absent. */
    public String user() {
        return user;
    }

    /** Host name or address (IPv6 without brackets), "" for the local host. */
    public String host() {
        return host;
    }

    /** Port number, -1 when absent. */
    public int port() {
        return port;
    }

    /** Decoded path, e.g. "/system", "/default", "" when the URI has none. */
    public String path() {
        return path;
    }

    /** Decoded query parameters in their order of appearance. */
    public Map<String, String> params() {
        return params;
    }

    /** True when libvirt reaches the host over a network transport (so keepalive matters). */
    public boolean isRemote() {
        return !host.isEmpty() || (transport != null && NETWORK_TRANSPORTS.contains(transport));
    }

    /** The host to show to a user: the URI's host, or "localhost". */
    public String displayHost() {
        return host.isEmpty() ? "localhost" : host;
    }

    /** The URI exactly as given. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LibvirtUri that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** One-shot parser; keeps the position bookkeeping out of the value class. */
    private static final class Parser {
        private final String text;

        Parser(String text) {
            this.text = text;
        }

        LibvirtUri parse() {
            if (text.isEmpty()) {
                throw fail("uri.empty");
            }
            if (text.length() > MAX_LENGTH) {
                throw fail("uri.tooLong", MAX_LENGTH);
            }
            rejectInvisible();
            int schemeEnd = text.indexOf("://");
            if (schemeEnd < 0) {
                throw fail("uri.noScheme");
            }
            String scheme = text.substring(0, schemeEnd);
            String driver;
            String transport = null;
            int plus = scheme.indexOf('+');
            if (plus >= 0) {
                driver = scheme.substring(0, plus);
                transport = scheme.substring(plus + 1).toLowerCase(Locale.ROOT);
                if (!TRANSPORTS.contains(transport)) {
                    throw fail("uri.unknownTransport", transport, String.join(", ", TRANSPORTS.stream().sorted().toList()));
                }
            } else {
                driver = scheme;
            }
            if (driver.isEmpty()) {
                throw fail("uri.noDriver");
            }
            if (!driver.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw fail("uri.badDriver", driver);
            }
            String rest = text.substring(schemeEnd + 3);
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                throw fail("uri.fragment", schemeEnd + 3 + hash + 1);
            }
            String query = null;
            int question = rest.indexOf('?');
            if (question >= 0) {
                query = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
            int slash = rest.indexOf('/');
            String authority = slash >= 0 ? rest.substring(0, slash) : rest;
            String rawPath = slash >= 0 ? rest.substring(slash) : "";

            String user = "";
            String hostPort = authority;
            int at = authority.indexOf('@');
            if (at >= 0) {
                user = parseUser(authority.substring(0, at));
                hostPort = authority.substring(at + 1);
                if (hostPort.indexOf('@') >= 0) {
                    throw fail("uri.twoAts");
                }
            }
            String host;
            String portText = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw fail("uri.ipv6Unclosed");
                }
                host = hostPort.substring(1, close);
                if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?") || !host.contains(":")) {
                    throw fail("uri.notIpv6", host);
                }
                String after = hostPort.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw fail("uri.afterIpv6", after);
                    }
                    portText = after.substring(1);
                }
            } else {
                int colon = hostPort.indexOf(':');
                host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
                if (colon >= 0) {
                    portText = hostPort.substring(colon + 1);
                }
                checkHostName(host);
            }
            int port = portText == null ? -1 : parsePort(portText);
            String path = decode(checkChars(rawPath, PATH_EXTRA, Text.of("uri.part.path")), Text.of("uri.part.path"));
            Map<String, String> params = query == null ? new LinkedHashMap<>() : parseQuery(query);
            return new LibvirtUri(text, driver.toLowerCase(Locale.ROOT), transport, user, host, port, path, params);
        }

        private void rejectInvisible() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ') {
                    throw fail("uri.space", i + 1);
                }
                if (c < 0x20 || c == 0x7f) {
                    throw fail("uri.control", String.format("\\x%02x", (int) c), i + 1);
                }
                if (c > 0x7e) {
                    throw fail("uri.nonAscii", c, i + 1);
                }
            }
        }

        private String parseUser(String raw) {
            if (raw.isEmpty()) {
                throw fail("uri.userEmpty");
            }
            String decoded = decode(checkChars(raw, USER_EXTRA, Text.of("uri.part.user")), Text.of("uri.part.user"));
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '@' || c == '\\')) {
                    throw fail("uri.userChar", InvalidUriException.printable(decoded),
                            InvalidUriException.printable(String.valueOf(c)));
                }
            }
            if (decoded.startsWith("-")) {
                throw fail("uri.userDash");
            }
            return decoded;
        }

        private void checkHostName(String host) {
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '-' || c == '_';
                if (!ok) {
                    throw fail("uri.hostChar", host, c);
                }
            }
            if (host.startsWith("-") || host.startsWith(".")) {
                throw fail("uri.hostStart", host, host.charAt(0));
            }
        }

        private int parsePort(String portText) {
            if (!portText.matches("[0-9]{1,5}")) {
                throw portText.isEmpty() ? fail("uri.portEmpty") : fail("uri.portNotNumber", portText);
            }
            int port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw fail("uri.portRange", port);
            }
            return port;
        }

        private Map<String, String> parseQuery(String query) {
            checkChars(query, QUERY_EXTRA, Text.of("uri.part.parameters"));
            Map<String, String> params = new LinkedHashMap<>();
            // libvirt's virURIParseParams splits on both '&' and ';'.
            for (String pair : query.split("[&;]")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq >= 0 ? pair.substring(0, eq) : pair, Text.of("uri.part.parameterName"));
                String value = eq >= 0 ? decode(pair.substring(eq + 1), Text.of("uri.part.parameter", name)) : "";
                if (name.isEmpty()) {
                    throw fail("uri.parameterNoName", pair);
                }
                params.put(name, value);
            }
            return params;
        }

        /** Checks raw characters against RFC 3986 unreserved, %-escapes and {@code extra}; names the first offender. */
        private String checkChars(String raw, String extra, Text what) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~%".indexOf(c) >= 0 || extra.indexOf(c) >= 0;
                if (!ok) {
                    throw fail("uri.partChar", what, c);
                }
            }
            return raw;
        }

        private String decode(String raw, Text what) {
            if (raw.indexOf('%') < 0) {
                return raw;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%') {
                    if (i + 2 >= raw.length()) {
                        throw fail("uri.escapeIncomplete", what);
                    }
                    int hi = Character.digit(raw.charAt(i + 1), 16);
                    int lo = Character.digit(raw.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        throw fail("uri.escapeBad", what, raw.substring(i, i + 3));
                    }
                    int b = hi * 16 + lo;
                    if (b < 0x20 || b == 0x7f) {
                        throw fail("uri.escapeControl", what, String.format("\\x%02x", b));
                    }
                    bytes.write(b);
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private InvalidUriException fail(String key, Object... args) {
            return new InvalidUriException(text, Text.of(key, args));
        }
    }
}
