package org.vireo.vnc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

/** Opens test sessions to servers on 127.0.0.1. */
final class Sessions {
    private Sessions() {
    }

    /**
     * Connects with {@code listener} added before the handshake (so it sees the first frame); the client is
     * added to {@code opened} before connecting, for the test to close.
     */
    static VncClient connect(int port, VncOptions options, RecordingListener listener, List<? super VncClient> opened)
            throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(), options);
        opened.add(client);
        client.addListener(listener);
        client.connect();
        return client;
    }
}
