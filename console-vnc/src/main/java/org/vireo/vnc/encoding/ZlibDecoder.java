package org.vireo.vnc.encoding;

import java.io.IOException;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;

/** Zlib (6): Raw pixels through one persistent zlib stream. */
public final class ZlibDecoder implements RectDecoder {
    private final ZlibStream stream = new ZlibStream("Zlib");
    private byte[] rowBytes = new byte[0];
    private int[] row = new int[0];

    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        long raw = (long) w * h * 4;
        long length = in.u32();
        long max = raw + raw / 100 + 1024;
        if (length > max) { // the message is built only then: this runs for every rectangle
            RfbInput.checkLength(length, max, "Zlib rectangle " + w + "x" + h);
        }
        stream.begin(in, length);
        if (rowBytes.length < w * 4) {
            rowBytes = new byte[w * 4];
            row = new int[w];
        }
        for (int r = 0; r < h; r++) {
            stream.readFully(rowBytes, 0, w * 4);
            Pixels.fromWire(rowBytes, 0, row, 0, w);
            fb.put(x, y + r, w, 1, row, 0, w);
        }
        stream.end();
    }
}
