package org.vireo.connections.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.vireo.resources.Text;

/**
 * Reaches a VM console port on (or next to) a host through the host's SSH session: either a local 127.0.0.1
 * ephemeral port, or the streams of a direct channel (no listening port at all).
 */
public final class VncTunnel implements AutoCloseable {
    private final SshSession session;
    private final int localPort;

    private VncTunnel(SshSession session, int localPort) {
        this.session = session;
        this.localPort = localPort;
    }

    /** Listens on 127.0.0.1:ephemeral and forwards each connection to {@code remoteHost:remotePort}. */
    public static VncTunnel forward(SshSession session, String remoteHost, int remotePort, Duration timeout)
            throws SshException {
        try {
            int port = session.jsch().setPortForwardingL("127.0.0.1", 0, remoteHost, remotePort, null,
                    (int) timeout.toMillis());
            return new VncTunnel(session, port);
        } catch (JSchException e) {
            throw new SshException(Text.of("ssh.forwardFailed", remoteHost + ":" + remotePort, session.route().target(),
                    e.getMessage()), e);
        }
    }

    /** A connected byte stream to {@code remoteHost:remotePort} as seen from the host. */
    public static DirectStream openStream(SshSession session, String remoteHost, int remotePort, Duration timeout)
            throws SshException {
        try {
            Channel ch = session.jsch().getStreamForwarder(remoteHost, remotePort);
            InputStream in = ch.getInputStream();
            OutputStream out = ch.getOutputStream();
            ch.connect((int) timeout.toMillis());
            return new DirectStream(ch, in, out);
        } catch (JSchException | IOException e) {
            throw new SshException(Text.of("ssh.channelFailed", remoteHost + ":" + remotePort,
                    session.route().target(), e.getMessage()), e);
        }
    }

    /** A connected byte stream to the UNIX socket {@code path} on the host ({@code direct-streamlocal} channel). */
    public static DirectStream openSocketStream(SshSession session, String path, Duration timeout) throws SshException {
        try {
            ChannelDirectStreamLocal ch = (ChannelDirectStreamLocal) session.jsch().openChannel("direct-streamlocal@openssh.com");
            ch.setSocketPath(path);
            InputStream in = ch.getInputStream();
            OutputStream out = ch.getOutputStream();
            ch.connect((int) timeout.toMillis());
            return new DirectStream(ch, in, out);
        } catch (JSchException | IOException e) {
            throw new SshException(Text.of("ssh.socketChannelFailed", path, session.route().target(), e.getMessage()),
                    e);
        }
    }

    public int localPort() {
        return localPort;
    }

    @Override
    public void close() {
        try {
            session.jsch().delPortForwardingL("127.0.0.1", localPort);
        } catch (JSchException alreadyGone) {
            // the session ended: its forwards went with it
        }
    }

    /** Streams of one direct-tcpip channel; close() ends the channel. */
    public static final class DirectStream implements AutoCloseable {
        private final Channel channel;
        private final InputStream in;
        private final OutputStream out;

        DirectStream(Channel channel, InputStream in, OutputStream out) {
            this.channel = channel;
            this.in = in;
            this.out = out;
        }

        public InputStream in() {
            return in;
        }

        public OutputStream out() {
            return out;
        }

        @Override
        public void close() {
            channel.disconnect();
        }
    }
}
