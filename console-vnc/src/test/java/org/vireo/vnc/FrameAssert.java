package org.vireo.vnc;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/** Compares a client's framebuffer with a reference image, waiting (bounded) for updates to arrive. */
final class FrameAssert {
    private FrameAssert() {
    }

    /** Number of pixels whose RGB differs by more than {@code tolerance} in any component. */
    static int differingPixels(Framebuffer fb, BufferedImage expected, int tolerance) {
        int[] actual = fb.snapshot();
        int w = fb.width();
        int differing = 0;
        for (int y = 0; y < fb.height(); y++) {
            for (int x = 0; x < w; x++) {
                int a = actual[y * w + x];
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((a >> shift) & 0xFF) - ((e >> shift) & 0xFF)) > tolerance) {
                        differing++;
                        break;
                    }
                }
            }
        }
        return differing;
    }

    /** Waits until the framebuffer matches within {@code tolerance}, or fails with the difference. */
    static void awaitMatch(VncClient client, RecordingListener listener, BufferedImage expected, int tolerance,
                           int seconds) throws InterruptedException {
        awaitMatch(client, listener, expected, tolerance, 0, seconds);
    }

    /** As above, accepting up to {@code maxDiffering} pixels outside the tolerance (lossy encodings). */
    static void awaitMatch(VncClient client, RecordingListener listener, BufferedImage expected, int tolerance,
                           int maxDiffering, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            int seen = listener.batches.get(); // before comparing, so an update during the comparison counts
            Framebuffer fb = client.framebuffer();
            if (fb.width() != expected.getWidth() || fb.height() != expected.getHeight()) {
                throw new AssertionError("framebuffer " + fb.width() + "x" + fb.height() + ", expected "
                        + expected.getWidth() + "x" + expected.getHeight());
            }
            int diff = differingPixels(fb, expected, tolerance);
            if (diff <= maxDiffering) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(diff + " pixels differ after " + seconds + " s; rectangles by encoding: "
                        + client.rectangleCounts() + "; session closed: " + listener.closeReason.get());
            }
            try {
                listener.awaitBatches(seen + 1, (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            } catch (AssertionError timeout) {
                // no further update arrived: the final comparison above reports the difference
                deadline = 0;
            }
        }
    }
}
