package org.vireo.connections.console;

import java.util.Objects;

/**
 * One {@code <graphics>} device of a domain, as its live XML describes it.
 *
 * @param type          {@code vnc}, {@code spice}, {@code rdp}, …
 * @param port          TCP port, or -1 when none is allocated (UNIX socket, VM not running, autoport pending)
 * @param autoport      libvirt chooses the port at each start (so it may change)
 * @param listenAddress the address the server listens on (null when none is given)
 * @param socket        UNIX socket path of the server on its host, or null for TCP
 * @param password      the console password (only in XML read with the secure flag), or null
 */
public record Graphics(String type, int port, boolean autoport, String listenAddress, String socket, String password) {
    public Graphics {
        Objects.requireNonNull(type, "type");
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("graphics port " + port + " is not -1 or 0..65535");
        }
    }

    public boolean isVnc() {
        return "vnc".equals(type);
    }

    /** True when the server can be reached: a UNIX socket or an allocated TCP port. */
    public boolean reachable() {
        return socket != null || port > 0;
    }

    /**
     * The TCP address to connect to as seen from the server's host: the wildcard addresses (any address)
     * become that host's loopback.
     */
    public String connectAddress() {
        if (!listensOnAnyAddress()) {
            return listenAddress;
        }
        return listenAddress != null && listenAddress.contains(":") ? "::1" : "127.0.0.1";
    }

    /** True when the server listens on every address of its host (reachable from other machines). */
    public boolean listensOnAnyAddress() {
        return listenAddress == null || listenAddress.isBlank() || listenAddress.equals("0.0.0.0")
                || listenAddress.equals("::") || listenAddress.equals("[::]");
    }

    /** True when only programs on the server's own host can reach it. */
    public boolean listensOnLoopbackOnly() {
        String a = connectAddress();
        return !listensOnAnyAddress() && (a.startsWith("127.") || a.equals("::1") || a.equals("localhost"));
    }

    /** {@code 127.0.0.1:5900} or the socket path, for status lines. */
    public String where() {
        if (socket != null) {
            return socket;
        }
        String address = connectAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public String toString() {
        // never print the password
        return "Graphics[" + type + " " + (reachable() ? where() : "port " + port) + (autoport ? " autoport" : "")
                + (password != null ? " with password" : "") + "]";
    }
}
