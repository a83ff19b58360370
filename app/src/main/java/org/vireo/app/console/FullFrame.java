package org.vireo.app.console;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.vireo.vnc.VncListener;

/**
 * Completes once updates since the last resize have covered the whole framebuffer (the client asks for a full
 * frame after the handshake, and the server sends one again after a resize).
 */
public final class FullFrame implements VncListener {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long area = Long.MAX_VALUE;
    private long covered;

    @Override
    public synchronized void onResize(int width, int height) {
        area = (long) width * height;
        covered = 0;
    }

    @Override
    public synchronized void onFramebufferUpdated(int x, int y, int width, int height) {
        covered += (long) width * height;
    }

    @Override
    public synchronized void onUpdateBatchComplete() {
        if (covered >= area) {
            done.countDown();
        }
    }

    @Override
    public void onClosed(Optional<Throwable> error) {
        failure.compareAndSet(null, error.orElse(new IOException("the VNC server closed the connection")));
        done.countDown();
    }

    public void await(long nanos) throws IOException, InterruptedException {
        if (!done.await(nanos, TimeUnit.NANOSECONDS)) {
            throw new IOException("no full frame within the timeout");
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IOException("the VNC session ended before a full frame: " + f.getMessage(), f);
        }
    }
}
