package org.vireo.vnc.encoding;

import java.io.IOException;
import java.util.Arrays;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/** ZRLE (16): 64×64 tiles of 3-byte CPIXELs (raw, solid, packed palette, RLE) through one zlib stream. */
public final class ZrleDecoder implements RectDecoder {
    private static final int TILE = 64;
    private final ZlibStream stream = new ZlibStream("ZRLE");
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[128];
    private final byte[] cpixels = new byte[TILE * TILE * 3];
    /** A packed-palette tile's bytes, read in one go: at most 4 bits per pixel. */
    private final byte[] packed = new byte[TILE * TILE / 2];

    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        long pixels = (long) w * h;
        long tiles = ((w + TILE - 1L) / TILE) * ((h + TILE - 1L) / TILE);
        long length = in.u32();
        // Worst case is plain RLE with runs of one pixel (4 bytes each) plus palettes, and zlib overhead.
        long worst = pixels * 4 + tiles * (1 + 127 * 3);
        long max = worst + worst / 100 + 1024;
        if (length > max) { // the message is built only then: this runs for every rectangle
            RfbInput.checkLength(length, max, "ZRLE rectangle " + w + "x" + h);
        }
        stream.begin(in, length);
        for (int ty = 0; ty < h; ty += TILE) {
            int th = Math.min(TILE, h - ty);
            for (int tx = 0; tx < w; tx += TILE) {
                int tw = Math.min(TILE, w - tx);
                int sub = stream.u8();
                if (sub == 1) { // solid: straight into the framebuffer
                    fb.fill(x + tx, y + ty, tw, th, cpixel());
                } else {
                    decodeTile(sub, tw, th);
                    fb.put(x + tx, y + ty, tw, th, tile, 0, tw);
                }
            }
        }
        stream.end();
    }

    private void decodeTile(int sub, int tw, int th) throws IOException {
        int n = tw * th;
        if (sub == 0) {
            stream.readFully(cpixels, 0, n * 3);
            for (int i = 0; i < n; i++) {
                tile[i] = Pixels.fromCpixel(cpixels, i * 3);
            }
        } else if (sub <= 16) {
            readPalette(sub);
            packedPalette(sub, tw, th);
        } else if (sub == 128) {
            plainRle(n);
        } else if (sub >= 130) {
            readPalette(sub - 128);
            paletteRle(sub - 128, n);
        } else {
            throw new VncProtocolException("ZRLE tile subencoding " + sub + " is not defined");
        }
    }

    private int cpixel() throws IOException {
        stream.readFully(cpixels, 0, 3);
        return Pixels.fromCpixel(cpixels, 0);
    }

    private void readPalette(int size) throws IOException {
        stream.readFully(cpixels, 0, size * 3);
        for (int i = 0; i < size; i++) {
            palette[i] = Pixels.fromCpixel(cpixels, i * 3);
        }
    }

    /** Rows of 1, 2 or 4-bit palette indices, each row starting on a byte: read whole, then expanded. */
    private void packedPalette(int size, int tw, int th) throws IOException {
        int bits = size == 2 ? 1 : size <= 4 ? 2 : 4;
        int pixelsPerByteShift = bits == 1 ? 3 : bits == 2 ? 2 : 1; // 8, 4 or 2 pixels a byte
        int slotMask = (1 << pixelsPerByteShift) - 1;
        int mask = (1 << bits) - 1;
        int rowBytes = (tw + slotMask) >> pixelsPerByteShift;
        stream.readFully(packed, 0, rowBytes * th);
        int[] colours = palette;
        for (int row = 0, in = 0, out = 0; row < th; row++, in += rowBytes) {
            for (int col = 0; col < tw; col++) {
                int shift = 8 - bits - (col & slotMask) * bits; // the first pixel is in the high bits
                int index = (packed[in + (col >> pixelsPerByteShift)] >> shift) & mask;
                if (index >= size) {
                    throw new VncProtocolException("ZRLE palette index " + index + " beyond palette of " + size);
                }
                tile[out++] = colours[index];
            }
        }
    }

    private void plainRle(int n) throws IOException {
        int i = 0;
        while (i < n) {
            int colour = cpixel();
            int run = runLength(n - i);
            Arrays.fill(tile, i, i + run, colour);
            i += run;
        }
    }

    private void paletteRle(int size, int n) throws IOException {
        int i = 0;
        while (i < n) {
            int b = stream.u8();
            int index = b & 0x7F;
            if (index >= size) {
                throw new VncProtocolException("ZRLE palette index " + index + " beyond palette of " + size);
            }
            int run = (b & 0x80) != 0 ? runLength(n - i) : 1;
            Arrays.fill(tile, i, i + run, palette[index]);
            i += run;
        }
    }

    private int runLength(int max) throws IOException {
        int run = 1;
        int b;
        do {
            b = stream.u8();
            run += b;
            if (run > max) {
                throw new VncProtocolException("ZRLE run of " + run + " pixels overflows its tile");
            }
        } while (b == 255);
        return run;
    }
}
