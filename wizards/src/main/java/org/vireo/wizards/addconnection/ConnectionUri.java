package org.vireo.wizards.addconnection;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.vireo.connections.libvirt.LibvirtUri;

/**
 * The fields of a libvirt URI the dialog can edit, and the URI text virsh users write for them:
 * {@code driver[+ssh]://[user@]host[:port]/path[?keyfile=...]}.
 *
 * @param user    "" for none (then ~/.ssh/config or the local user name applies)
 * @param host    "" for local
 * @param port    0 for none
 * @param keyFile "" for none
 */
public record ConnectionUri(Hypervisor hypervisor, Transport transport, String user, String host, int port,
                            String path, String keyFile) {

    /** The URI text; {@code user}, {@code host}, {@code port} and {@code keyFile} only appear for SSH. */
    public String toUri() {
        StringBuilder uri = new StringBuilder(hypervisor.driver());
        boolean ssh = transport == Transport.SSH;
        uri.append(ssh ? "+ssh://" : "://");
        if (ssh) {
            if (!user.isEmpty()) {
                uri.append(encode(user, "")).append('@');
            }
            uri.append(host.contains(":") ? "[" + host + "]" : host);
            if (port > 0) {
                uri.append(':').append(port);
            }
        }
        uri.append(encode(path, "/:@!$&'()*+,;="));
        if (ssh && !keyFile.isEmpty()) {
            uri.append("?keyfile=").append(encode(keyFile, "/:@!$'()*+,"));
        }
        return uri.toString();
    }

    /**
     * The fields of {@code text} when they rebuild exactly the same text; empty for URIs the fields cannot
     * express (other drivers or transports, other parameters, no path...), which the dialog keeps verbatim.
     */
    public static Optional<ConnectionUri> fromUri(String text) {
        Optional<LibvirtUri> parsed = LibvirtUri.tryParse(text);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        LibvirtUri uri = parsed.get();
        Hypervisor hypervisor = Hypervisor.forDriver(uri.driver());
        String transport = uri.transport().orElse(null);
        if (hypervisor == Hypervisor.CUSTOM || !hypervisor.accepts(uri.path())
                || (transport != null && !transport.equals("ssh"))) {
            return Optional.empty();
        }
        Map<String, String> params = uri.params();
        boolean ssh = "ssh".equals(transport);
        if (params.size() > 1 || (params.size() == 1 && !(ssh && params.containsKey("keyfile")))) {
            return Optional.empty();
        }
        ConnectionUri fields = new ConnectionUri(hypervisor, ssh ? Transport.SSH : Transport.LOCAL, uri.user(), uri.host(),
                Math.max(uri.port(), 0), uri.path(), params.getOrDefault("keyfile", ""));
        return fields.toUri().equals(text) ? Optional.of(fields) : Optional.empty();
    }

    /** Percent-encodes what is neither RFC 3986 unreserved nor in {@code allowed}, byte by byte in UTF-8. */
    private static String encode(String value, String allowed) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0 || allowed.indexOf(c) >= 0;
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
