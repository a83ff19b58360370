package org.vireo.vnc;

import java.io.IOException;

import org.vireo.vnc.encoding.Pixels;

/** Reads cursor shapes: Cursor (pixels and a 1-bit mask) and Cursor With Alpha (premultiplied RGBA). */
final class CursorShape {
    static final int MAX_SIDE = 512;

    private CursorShape() {
    }

    private static void checkSize(int w, int h) throws VncProtocolException {
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new VncProtocolException("cursor of " + w + "x" + h + " exceeds " + MAX_SIDE + "x" + MAX_SIDE);
        }
    }

    /**
     * Cursor With Alpha: an encoding number (only Raw is accepted) then w×h pixels as R,G,B,A bytes with
     * alpha premultiplied; returned as straight (non-premultiplied) ARGB.
     */
    static int[] readWithAlpha(RfbInput in, int w, int h) throws IOException {
        checkSize(w, h);
        int encoding = in.s32();
        if (encoding != Encoding.RAW) {
            throw new VncProtocolException("cursor with alpha in " + Encoding.name(encoding) + " is not supported");
        }
        int n = w * h;
        byte[] rgba = in.bytes(n * 4L, n * 4L, "cursor pixels");
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int a = rgba[i * 4 + 3] & 0xFF;
            if (a == 0) {
                continue;
            }
            int r = unpremultiply(rgba[i * 4] & 0xFF, a);
            int g = unpremultiply(rgba[i * 4 + 1] & 0xFF, a);
            int b = unpremultiply(rgba[i * 4 + 2] & 0xFF, a);
            argb[i] = a << 24 | r << 16 | g << 8 | b;
        }
        return argb;
    }

    private static int unpremultiply(int c, int a) {
        return Math.min(255, (c * 255 + a / 2) / a);
    }

    static int[] read(RfbInput in, int w, int h) throws IOException {
        checkSize(w, h);
        int n = w * h;
        byte[] bytes = in.bytes(n * 4L, n * 4L, "cursor pixels");
        int[] argb = new int[n];
        Pixels.fromWire(bytes, 0, argb, 0, n);
        int rowBytes = (w + 7) / 8;
        byte[] mask = in.bytes((long) rowBytes * h, (long) rowBytes * h, "cursor mask");
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                if (((mask[row * rowBytes + col / 8] >> (7 - col % 8)) & 1) == 0) {
                    argb[row * w + col] = 0;
                }
            }
        }
        return argb;
    }
}
