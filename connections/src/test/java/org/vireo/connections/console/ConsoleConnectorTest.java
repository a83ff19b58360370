package org.vireo.connections.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionEntry;

/** How a console stream is opened for local and non-SSH remote connections (servers on loopback only). */
class ConsoleConnectorTest {
    @TempDir
    Path dir;
    SshSessions sessions;
    ConsoleConnector connector;

    @BeforeEach
    void setUp() {
        sessions = new SshSessions(SshSettings.forHome(dir, Map.of(), "root"), HostKeyPrompt.refuseUnknown(), AuthPrompt.none());
        connector = new ConsoleConnector(sessions, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        sessions.close();
    }

    @Test
    void localTcpOnTheWildcardGoesToLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> echoOnce(server));
            Graphics vnc = new Graphics("vnc", server.getLocalPort(), true, "0.0.0.0", null, null);
            try (ConsoleStream stream = connector.open(ConnectionEntry.of("qemu:///system"), vnc)) {
                assertEquals("127.0.0.1:" + server.getLocalPort(), stream.where());
                stream.out().write("RFB?".getBytes());
                stream.out().flush();
                assertEquals("RFB?", new String(stream.in().readNBytes(4)));
            }
            assertEquals("RFB?", served.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void localUnixSocketReadsAndWritesAtTheSameTime() throws Exception {
        Path socket = dir.resolve("vnc.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Graphics vnc = new Graphics("vnc", -1, false, null, socket.toString(), null);
            try (ConsoleStream stream = connector.open(ConnectionEntry.of("qemu+unix:///system?socket=/x"), vnc);
                 SocketChannel peer = accepted.get(5, TimeUnit.SECONDS)) {
                assertEquals(socket.toString(), stream.where());
                // A reader blocked on the stream must not hold up a writer (RFB reads and writes concurrently).
                CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> {
                    try {
                        return stream.in().read();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                stream.out().write(new byte[] {1, 2, 3});
                ByteBuffer got = ByteBuffer.allocate(3);
                InputStream peerIn = Channels.newInputStream(peer);
                assertEquals(3, peerIn.readNBytes(got.array(), 0, 3));
                assertEquals(2, got.get(1));
                peer.write(ByteBuffer.wrap(new byte[] {42}));
                assertEquals(42, reading.get(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void remoteNonSshHostCannotReachALoopbackOnlyConsole() {
        Graphics vnc = new Graphics("vnc", 5900, true, "127.0.0.1", null, null);
        IOException e = assertThrows(IOException.class,
                () -> connector.open(ConnectionEntry.of("qemu+tcp://node1/system"), vnc));
        assertTrue(e.getMessage().contains("127.0.0.1:5900 of node1 only"), e.getMessage());
        IOException socket = assertThrows(IOException.class, () -> connector.open(ConnectionEntry.of("qemu+tls://node1/system"),
                new Graphics("vnc", -1, false, null, "/run/vnc.sock", null)));
        assertTrue(socket.getMessage().contains("only an SSH connection"), socket.getMessage());
    }

    @Test
    void aConsoleWithoutPortOrSocketIsRefusedBeforeAnyNetwork() {
        IOException e = assertThrows(IOException.class, () -> connector.open(ConnectionEntry.of("qemu:///system"),
                new Graphics("vnc", -1, true, "127.0.0.1", null, null)));
        assertTrue(e.getMessage().contains("not listening"), e.getMessage());
    }

    private static String echoOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] b = in.readNBytes(4);
            out.write(b);
            out.flush();
            return new String(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
