package org.vireo.vnc;

import java.util.Arrays;

/**
 * The remote desktop as opaque ARGB ints (row-major, stride = width). Writers and readers lock on
 * this object for region updates; a resize replaces the whole object, so a holder of an old one never
 * sees its dimensions change.
 */
public final class Framebuffer {
    /** Largest side the client accepts from a server. */
    public static final int MAX_SIDE = 16384;
    /** Largest area (pixels) the client accepts: 64 Mpixel = 256 MiB of ints. */
    public static final long MAX_AREA = 64L * 1024 * 1024;

    private final int width;
    private final int height;
    private final int[] pixels;

    public Framebuffer(int width, int height) {
        if (width < 0 || height < 0 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_AREA) {
            throw new IllegalArgumentException("framebuffer size " + width + "x" + height + " out of range");
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        Arrays.fill(pixels, 0xFF000000);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The live pixel array, for zero-copy display (e.g. a JavaFX PixelBuffer). Readers outside the
     * lock may see a region half-updated, never out-of-bounds data.
     */
    public int[] pixels() {
        return pixels;
    }

    public synchronized int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    public synchronized int[] snapshot() {
        return pixels.clone();
    }

    /** True if the rectangle lies entirely inside the framebuffer. */
    public boolean contains(int x, int y, int w, int h) {
        return x >= 0 && y >= 0 && w >= 0 && h >= 0 && (long) x + w <= width && (long) y + h <= height;
    }

    public synchronized void fill(int x, int y, int w, int h, int argb) {
        if (w == 0 || h == 0) {
            return;
        }
        // One row filled, then copied: the app runs C1 (app/bin/jvm-options), where Arrays.fill is a plain loop
        // but System.arraycopy is the JVM's vectorised copy.
        int first = y * width + x;
        Arrays.fill(pixels, first, first + w, argb);
        for (int row = 1; row < h; row++) {
            System.arraycopy(pixels, first, pixels, first + row * width, w);
        }
    }

    /** Copies a w×h block from {@code src} (row stride {@code srcStride}) to (x, y). */
    public synchronized void put(int x, int y, int w, int h, int[] src, int srcOffset, int srcStride) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, srcOffset + row * srcStride, pixels, (y + row) * width + x, w);
        }
    }

    /** Copies a block inside the framebuffer; overlapping source and destination are handled. */
    public synchronized void copy(int srcX, int srcY, int x, int y, int w, int h) {
        if (srcY < y) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (y + row) * width + x, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (y + row) * width + x, w);
            }
        }
    }
}
