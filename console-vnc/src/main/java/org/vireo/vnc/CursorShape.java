package org.vireo.vnc;

import java.io.IOException;

import org.vireo.vnc.encoding.Pixels;

/** Reads the Cursor pseudo-encoding: w×h pixels followed by a 1-bit transparency mask. */
final class CursorShape {
    static final int MAX_SIDE = 512;

    private CursorShape() {
    }

    static int[] read(RfbInput in, int w, int h) throws IOException {
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new VncProtocolException("cursor of " + w + "x" + h + " exceeds " + MAX_SIDE + "x" + MAX_SIDE);
        }
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
