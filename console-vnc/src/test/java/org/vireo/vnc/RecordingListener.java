package org.vireo.vnc;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Records session events for tests, with bounded waits. */
final class RecordingListener implements VncListener {
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicReference<Optional<Throwable>> closeReason = new AtomicReference<>();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger resizes = new AtomicInteger();
    final AtomicReference<String> clipboard = new AtomicReference<>();
    volatile int lastWidth;
    volatile int lastHeight;
    /** Every size the session went through, in order, for failure messages. */
    final java.util.List<String> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onResize(int width, int height) {
        sizes.add(width + "x" + height);
        lastWidth = width;
        lastHeight = height;
        resizes.incrementAndGet();
    }

    final java.util.concurrent.atomic.AtomicLong pixelsUpdated = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void onFramebufferUpdated(int x, int y, int width, int height) {
        pixelsUpdated.addAndGet((long) width * height);
    }

    /** Waits until updated rectangles add up to at least {@code pixels} (e.g. one full frame). */
    void awaitPixels(long pixels, int seconds) throws InterruptedException {
        int seen = batches.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (pixelsUpdated.get() < pixels) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + pixelsUpdated.get() + " of " + pixels + " pixels within " + seconds + " s");
            }
            awaitBatches(++seen, seconds);
        }
    }

    @Override
    public void onUpdateBatchComplete() {
        synchronized (this) {
            batches.incrementAndGet();
            notifyAll();
        }
    }

    final AtomicReference<int[]> cursor = new AtomicReference<>();
    final AtomicInteger desktopSizeRefusals = new AtomicInteger();

    @Override
    public void onCursor(int[] argb, int width, int height, int hotX, int hotY) {
        cursor.set(argb);
    }

    @Override
    public void onDesktopSizeRefused(int status) {
        desktopSizeRefusals.incrementAndGet();
    }

    /** Waits (bounded) for update batches until {@code condition} holds. */
    void awaitCondition(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int seen = batches.get();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            awaitBatches(++seen, seconds);
        }
    }

    @Override
    public void onClipboard(String text) {
        synchronized (this) {
            clipboard.set(text);
            notifyAll();
        }
    }

    final AtomicInteger xvpInits = new AtomicInteger();
    final AtomicInteger xvpFailures = new AtomicInteger();

    @Override
    public synchronized void onXvpAvailable() {
        xvpInits.incrementAndGet();
        notifyAll();
    }

    @Override
    public synchronized void onXvpFailed() {
        xvpFailures.incrementAndGet();
        notifyAll();
    }

    /** Waits (bounded) for any event that makes {@code condition} true; fails naming {@code what}. */
    synchronized void awaitEvent(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed.getCount() == 0) {
                throw new AssertionError("not within " + seconds + " s: " + what + " (session closed: "
                        + closeReason.get() + ")");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void onClosed(Optional<Throwable> error) {
        closeReason.set(error);
        closed.countDown();
        synchronized (this) {
            notifyAll();
        }
    }

    /** The error that ended the session, waiting at most {@code seconds}. */
    Throwable awaitError(int seconds) throws InterruptedException {
        if (!closed.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("session did not end within " + seconds + " s");
        }
        return closeReason.get().orElseThrow(() -> new AssertionError("session closed without an error"));
    }

    /** Waits until at least {@code n} update batches arrived. */
    synchronized void awaitBatches(int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (batches.get() < n) {
            if (closed.getCount() == 0) {
                throw new AssertionError("session closed while waiting for updates: " + closeReason.get());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + batches.get() + " of " + n + " updates within " + seconds + " s");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
