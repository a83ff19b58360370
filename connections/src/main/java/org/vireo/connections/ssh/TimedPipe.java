package org.vireo.connections.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A byte pipe whose reader times out like a socket with SO_TIMEOUT. A session reached through a jump host has
 * no socket, and JSch's keepalive only works when a read throws {@link SocketTimeoutException}; this pipe gives
 * it one, so a stalled host behind a jump host is noticed like a direct one.
 */
final class TimedPipe {
    private static final int CAPACITY = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final byte[] ring = new byte[CAPACITY];
    private int head;
    private int count;
    private boolean eof;
    private boolean readerClosed;
    private volatile long timeoutMs;

    TimedPipe(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** Read timeout; 0 waits forever. */
    void setTimeoutMs(long ms) {
        this.timeoutMs = ms;
    }

    final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                while (len > 0) {
                    while (count == CAPACITY && !readerClosed) {
                        writable.awaitUninterruptibly();
                    }
                    if (readerClosed) {
                        throw new IOException("pipe reader closed");
                    }
                    int n = Math.min(len, CAPACITY - count);
                    for (int i = 0; i < n; i++) {
                        ring[(head + count + i) % CAPACITY] = b[off + i];
                    }
                    count += n;
                    off += n;
                    len -= n;
                    readable.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                eof = true;
                readable.signalAll();
            } finally {
                lock.unlock();
            }
        }
    };

    final InputStream source = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                long timeout = timeoutMs;
                long nanos = TimeUnit.MILLISECONDS.toNanos(timeout);
                while (count == 0 && !eof) {
                    if (timeout <= 0) {
                        readable.await();
                    } else {
                        if (nanos <= 0) {
                            throw new SocketTimeoutException("no data from jump channel within " + timeout + " ms");
                        }
                        nanos = readable.awaitNanos(nanos);
                    }
                }
                if (count == 0) {
                    return -1;
                }
                int n = Math.min(len, count);
                for (int i = 0; i < n; i++) {
                    b[off + i] = ring[(head + i) % CAPACITY];
                }
                head = (head + n) % CAPACITY;
                count -= n;
                writable.signalAll();
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            closeReader();
        }
    };

    /** The reader is gone: a blocked writer fails instead of waiting forever. */
    void closeReader() {
        lock.lock();
        try {
            readerClosed = true;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
