package org.vireo.connections.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.SshLibvirtOpener;
import org.vireo.connections.ssh.SshException;
import org.vireo.connections.ssh.SshSession;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.VncTunnel;
import org.vireo.connections.store.ConnectionEntry;

/**
 * Finds a VM's console in its live XML and opens a byte stream to it the way its host is reached: directly for
 * local connections (TCP on the listen address, or the UNIX socket), through the host's shared SSH session for
 * SSH hosts (a direct channel to the listen address as the host sees it, or to the socket: no local port and no
 * second login), directly to the host's name for libvirt's own network transports (tcp, tls).
 */
public final class ConsoleConnector {
    private final SshSessions sessions;
    private final Duration timeout;

    /** @param timeout for TCP connects and SSH channel opens */
    public ConsoleConnector(SshSessions sessions, Duration timeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads the live XML on the host's thread, with the secure flag (so a console password comes along) unless
     * the connection is read-only, or the host refuses it: the user is asked for the password then.
     */
    public CompletableFuture<ConsoleLookup> lookup(HostConnection host, String uuid) {
        boolean secure = !host.entry().readOnly();
        return host.call(conn -> {
            Domain domain = conn.domainLookupByUUIDString(uuid);
            try {
                return liveXml(domain, secure);
            } finally {
                domain.free();
            }
        }).thenApply(xml -> {
            try {
                return new ConsoleLookup(DomainGraphics.parse(xml));
            } catch (InvalidGraphicsException e) {
                throw new java.util.concurrent.CompletionException(new IOException(
                        "Cannot read the graphics of VM " + uuid + " on " + host.displayName() + ": " + e.getMessage(), e));
            }
        });
    }

    private static String liveXml(Domain domain, boolean secure) throws LibvirtException {
        if (secure) {
            try {
                return domain.getXMLDesc(Domain.XMLFlags.SECURE);
            } catch (LibvirtException e) {
                if (e.getError().getCode() != ErrorNumber.VIR_ERR_OPERATION_DENIED) {
                    throw e;
                }
            }
        }
        return domain.getXMLDesc(0);
    }

    /**
     * Opens a stream to {@code graphics} of a VM on the host of {@code entry}. Blocks on the network: call it off
     * the FX thread.
     */
    public ConsoleStream open(ConnectionEntry entry, Graphics graphics) throws IOException {
        if (!graphics.reachable()) {
            throw new IOException("the " + graphics.type() + " console has no port or socket (not listening)");
        }
        LibvirtUri uri;
        try {
            uri = LibvirtUri.parse(entry.uri());
        } catch (InvalidUriException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (OpenerByTransport.usesSsh(entry.uri())) {
            return overSsh(entry, graphics);
        }
        if (uri.isRemote()) {
            if (graphics.socket() != null) {
                throw new IOException("the console of this VM is a UNIX socket on " + uri.displayHost()
                        + ", which only an SSH connection can reach");
            }
            if (graphics.listensOnLoopbackOnly()) {
                throw new IOException("the console of this VM listens on " + graphics.where() + " of " + uri.displayHost()
                        + " only, which only an SSH connection to that host can reach");
            }
            return tcp(graphics.listensOnAnyAddress() ? uri.host() : graphics.connectAddress(), graphics.port());
        }
        return graphics.socket() != null ? unixSocket(graphics.socket()) : tcp(graphics.connectAddress(), graphics.port());
    }

    private ConsoleStream overSsh(ConnectionEntry entry, Graphics graphics) throws IOException {
        try {
            SshSession session = sessions.open(SshLibvirtOpener.sshTarget(entry));
            VncTunnel.DirectStream stream = graphics.socket() != null
                    ? VncTunnel.openSocketStream(session, graphics.socket(), timeout)
                    : VncTunnel.openStream(session, graphics.connectAddress(), graphics.port(), timeout);
            return new ConsoleStream(stream.in(), stream.out(), stream::close,
                    graphics.where() + " on " + session.route().target() + " (SSH)");
        } catch (SshException | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private ConsoleStream tcp(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new ConsoleStream(socket.getInputStream(), socket.getOutputStream(), socket::close,
                    (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        } catch (IOException e) {
            socket.close();
            throw new IOException("Cannot connect to the console at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static ConsoleStream unixSocket(String path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            channel.close();
            throw new IOException("Cannot connect to the console socket " + path + ": " + e.getMessage(), e);
        }
        // Own stream adapters: Channels.newInputStream serialises reads and writes on one lock in JDK 17.
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
        return new ConsoleStream(in, out, channel::close, path);
    }
}
