package org.vireo.vnc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over any byte-stream pair with the JDK's {@link SSLEngine}: the RFB stream may be a socket, an SSH
 * channel or a UNIX socket, so {@code SSLSocket} (which needs a Socket) does not fit. After
 * {@link #handshake()} the session reads {@link #in()} on its reader thread and writes {@link #out()} on
 * its writer thread; the engine's post-handshake messages (TLS 1.3 tickets, key updates) may make the
 * reader write too, so network writes share one lock.
 */
final class TlsStreams {
    private final SSLEngine engine;
    private final InputStream netIn;
    private final OutputStream netOut;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private ByteBuffer inNet;   // ciphertext read but not yet unwrapped (read mode)
    private ByteBuffer inApp;   // plaintext unwrapped but not yet returned (read mode)
    private ByteBuffer outNet;  // scratch for wrap output
    private boolean inboundClosed;

    TlsStreams(SSLEngine engine, InputStream netIn, OutputStream netOut) {
        this.engine = engine;
        this.netIn = netIn;
        this.netOut = netOut;
        int packet = engine.getSession().getPacketBufferSize();
        inNet = ByteBuffer.allocate(packet).flip();
        inApp = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        outNet = ByteBuffer.allocate(packet);
    }

    /** Runs the TLS handshake to completion on the calling thread. */
    void handshake() throws IOException {
        engine.beginHandshake();
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrapOnce()) {
                        throw new EOFException("the server closed the connection during the TLS handshake");
                    }
                }
                case NEED_TASK -> runTasks();
                case FINISHED, NOT_HANDSHAKING -> {
                    return;
                }
            }
        }
    }

    SSLEngine engine() {
        return engine;
    }

    InputStream in() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                synchronized (readLock) {
                    while (!inApp.hasRemaining()) {
                        if (inboundClosed || !unwrapOnce()) {
                            return -1;
                        }
                    }
                    int n = Math.min(len, inApp.remaining());
                    inApp.get(b, off, n);
                    return n;
                }
            }

            @Override
            public int available() {
                synchronized (readLock) {
                    return inApp.remaining();
                }
            }

            @Override
            public void close() throws IOException {
                netIn.close();
            }
        };
    }

    OutputStream out() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer app = ByteBuffer.wrap(b, off, len);
                while (app.hasRemaining()) {
                    wrap(app);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (writeLock) {
                    netOut.flush();
                }
            }

            @Override
            public void close() throws IOException {
                synchronized (writeLock) {
                    engine.closeOutbound();
                    try {
                        wrap(ByteBuffer.allocate(0)); // close_notify, best effort
                    } catch (IOException | IllegalStateException e) {
                        // the peer or the stream is already gone: closing the stream below is what matters
                    }
                    netOut.close();
                }
            }
        };
    }

    /** Wraps (part of) {@code app} and writes the TLS records produced. */
    private void wrap(ByteBuffer app) throws IOException {
        synchronized (writeLock) {
            while (true) {
                outNet.clear();
                SSLEngineResult r = engine.wrap(app, outNet);
                switch (r.getStatus()) {
                    case BUFFER_OVERFLOW -> outNet = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() + outNet.capacity());
                    case OK, CLOSED -> {
                        outNet.flip();
                        netOut.write(outNet.array(), 0, outNet.limit());
                        netOut.flush();
                        if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                            runTasks();
                        }
                        return;
                    }
                    case BUFFER_UNDERFLOW -> throw new SSLException("TLS wrap underflow");
                }
            }
        }
    }

    /**
     * Unwraps one TLS record into {@link #inApp}, reading from the network as needed, and answers what the
     * engine asks for meanwhile. False at the end of the stream or on the server's close_notify.
     */
    private boolean unwrapOnce() throws IOException {
        synchronized (readLock) {
            while (true) {
                inApp.compact();
                SSLEngineResult r;
                try {
                    r = engine.unwrap(inNet, inApp);
                } finally {
                    inApp.flip();
                }
                switch (r.getStatus()) {
                    case OK -> {
                        handleAfterUnwrap(r);
                        return true;
                    }
                    case CLOSED -> {
                        inboundClosed = true;
                        return false;
                    }
                    case BUFFER_OVERFLOW -> {
                        ByteBuffer bigger = ByteBuffer.allocate(inApp.remaining()
                                + engine.getSession().getApplicationBufferSize());
                        bigger.put(inApp).flip();
                        inApp = bigger;
                    }
                    case BUFFER_UNDERFLOW -> {
                        if (!readNet()) {
                            return false;
                        }
                    }
                }
            }
        }
    }

    private void handleAfterUnwrap(SSLEngineResult r) throws IOException {
        SSLEngineResult.HandshakeStatus hs = r.getHandshakeStatus();
        if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            wrap(ByteBuffer.allocate(0));
        }
    }

    /** Reads more ciphertext into {@link #inNet}; false at the end of the stream. */
    private boolean readNet() throws IOException {
        inNet.compact();
        try {
            if (!inNet.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(inNet.capacity() + engine.getSession().getPacketBufferSize());
                inNet.flip();
                bigger.put(inNet);
                inNet = bigger;
            }
            int n = netIn.read(inNet.array(), inNet.arrayOffset() + inNet.position(), inNet.remaining());
            if (n < 0) {
                return false;
            }
            inNet.position(inNet.position() + n);
            return true;
        } finally {
            inNet.flip();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
