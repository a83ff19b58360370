package org.vireo.vnc.encoding;

import java.io.IOException;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;

/** Raw: w×h pixels row by row, read in chunks of whole rows. */
public final class RawDecoder implements RectDecoder {
    private static final int CHUNK_BYTES = 256 * 1024;
    private byte[] bytes = new byte[0];
    private int[] ints = new int[0];

    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        if (w == 0 || h == 0) {
            return;
        }
        int rowsPerChunk = Math.max(1, CHUNK_BYTES / (w * 4));
        for (int row = 0; row < h; row += rowsPerChunk) {
            int rows = Math.min(rowsPerChunk, h - row);
            int count = rows * w;
            if (bytes.length < count * 4) {
                bytes = new byte[count * 4];
                ints = new int[count];
            }
            in.readFully(bytes, 0, count * 4);
            Pixels.fromWire(bytes, 0, ints, 0, count);
            fb.put(x, y + row, w, rows, ints, 0, w);
        }
    }
}
