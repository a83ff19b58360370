package org.vireo.connections.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UNIX socket that forwards every connection to another UNIX socket (a libvirt daemon's), and that a test
 * can cut: {@link #cut()} closes the listener, removes the socket file and drops every open connection, which
 * is what a client sees when the daemon dies; {@link #resume()} listens again (the daemon is back).
 */
public final class UnixSocketRelay implements AutoCloseable {
    private final Path path;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    public UnixSocketRelay(Path path, Path target) throws IOException {
        this.path = path;
        this.target = target;
        resume();
    }

    public Path path() {
        return path;
    }

    public synchronized void resume() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path));
        server = s;
        Thread acceptor = new Thread(() -> acceptLoop(s), "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public synchronized void cut() throws IOException {
        ServerSocketChannel s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        Files.deleteIfExists(path);
        for (SocketChannel c : open) {
            c.close();
        }
        open.clear();
    }

    private void acceptLoop(ServerSocketChannel s) {
        while (s.isOpen()) {
            try {
                SocketChannel client = s.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(daemon);
                pump(client, daemon);
                pump(daemon, client);
            } catch (IOException closed) {
                return; // cut, or the daemon refused: the client sees its connection end
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
            } catch (IOException ended) {
                // either side closed
            } finally {
                closeBoth(from, to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeBoth(SocketChannel a, SocketChannel b) {
        for (SocketChannel c : List.of(a, b)) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
            open.remove(c);
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
