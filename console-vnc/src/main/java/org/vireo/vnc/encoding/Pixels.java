package org.vireo.vnc.encoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Conversions for the one pixel format this client requests: 32 bpp, depth 24, little-endian,
 * red shift 16, green 8, blue 0. On the wire that is B,G,R,X, which read as a little-endian int is
 * already 0x??RRGGBB: only the alpha byte is forced to opaque.
 */
public final class Pixels {
    public static final int OPAQUE = 0xFF000000;

    private Pixels() {
    }

    /** Converts {@code count} 4-byte wire pixels from {@code src} into ARGB ints at {@code dst[dstOff]}. */
    public static void fromWire(byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        ByteBuffer.wrap(src, srcOff, count * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(dst, dstOff, count);
        makeOpaque(dst, dstOff, count);
    }

    /**
     * Forces the alpha byte of {@code count} pixels from {@code pixels[from]} to opaque. Unrolled by hand: the app
     * runs on C1 (see app/bin/jvm-options), which does not unroll loops, and this runs over every pixel of raw data.
     */
    public static void makeOpaque(int[] pixels, int from, int count) {
        int i = from;
        for (int end = from + count - 3; i < end; i += 4) {
            pixels[i] |= OPAQUE;
            pixels[i + 1] |= OPAQUE;
            pixels[i + 2] |= OPAQUE;
            pixels[i + 3] |= OPAQUE;
        }
        for (int end = from + count; i < end; i++) {
            pixels[i] |= OPAQUE;
        }
    }

    /** A 4-byte wire pixel stored in an int read big-endian. */
    public static int fromBigEndianInt(int v) {
        return Integer.reverseBytes(v) | OPAQUE;
    }

    /** ZRLE's CPIXEL: the three low-order bytes of the little-endian pixel, i.e. B,G,R. */
    public static int fromCpixel(byte[] b, int off) {
        return OPAQUE | (b[off + 2] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
    }

    /** Tight's TPIXEL: always R,G,B whatever the shifts. */
    public static int fromTpixel(byte[] b, int off) {
        return OPAQUE | (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF);
    }
}
