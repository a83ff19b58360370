package org.vireo.connections.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Reaches the next host through a direct-tcpip channel of an already connected jump session (OpenSSH's
 * ProxyJump, "way (1)" in libraries.md): no local listening port, and the next session's host key is checked
 * under its real {@code [host]:port} name.
 */
final class JumpProxy implements Proxy {
    private final Session jump;
    private final TimedPipe fromRemote;
    private Channel channel;
    private OutputStream toRemote;

    /** @param readTimeoutMs the handshake timeout; switch to the keepalive interval once connected */
    JumpProxy(Session jump, long readTimeoutMs) {
        this.jump = jump;
        this.fromRemote = new TimedPipe(readTimeoutMs);
    }

    void setReadTimeoutMs(long ms) {
        fromRemote.setTimeoutMs(ms);
    }

    @Override
    public void connect(SocketFactory ignored, String host, int port, int timeoutMs) throws Exception {
        ChannelDirectTCPIP ch = (ChannelDirectTCPIP) jump.getStreamForwarder(host, port);
        ch.setOutputStream(fromRemote.sink);
        toRemote = ch.getOutputStream();
        ch.connect(timeoutMs);
        channel = ch;
    }

    @Override
    public InputStream getInputStream() {
        return fromRemote.source;
    }

    @Override
    public OutputStream getOutputStream() {
        return toRemote;
    }

    /** None: JSch then relies on our stream timeouts (see {@link TimedPipe}). */
    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
        fromRemote.closeReader();
    }
}
