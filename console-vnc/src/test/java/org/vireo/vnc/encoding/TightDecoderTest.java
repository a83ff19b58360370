package org.vireo.vnc.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/**
 * Tight paths the real servers here do not use (gradient filter), palettes at widths that end mid-byte or
 * mid-unrolling, and hostile palette data.
 */
class TightDecoderTest {
    private static final int W = 5;
    private static final int H = 3;

    private static int rgb(int x, int y) {
        return (x * 50 + y * 7) << 16 | (255 - x * 40) << 8 | (y * 100 + x);
    }

    /** The gradient filter's residuals as the Tight specification defines them. */
    private static byte[] gradientResiduals() {
        byte[] out = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    int left = x > 0 ? (rgb(x - 1, y) >> shift) & 0xFF : 0;
                    int up = y > 0 ? (rgb(x, y - 1) >> shift) & 0xFF : 0;
                    int upLeft = x > 0 && y > 0 ? (rgb(x - 1, y - 1) >> shift) & 0xFF : 0;
                    int predicted = Math.max(0, Math.min(255, left + up - upLeft));
                    out[(y * W + x) * 3 + c] = (byte) (((rgb(x, y) >> shift) & 0xFF) - predicted);
                }
            }
        }
        return out;
    }

    @Test
    void gradientFilterReconstructsPixels() throws Exception {
        byte[] compressed = SyncFlush.deflate(gradientResiduals());
        ByteArrayOutputStream rect = new ByteArrayOutputStream();
        rect.write(0x40 | 0x10 | 0x02); // basic, explicit filter, stream 1, reset stream 1
        rect.write(2); // gradient
        rect.write(compressed.length); // compact length, < 128
        rect.write(compressed);
        Framebuffer fb = new Framebuffer(8, 8);
        new TightDecoder().decode(new RfbInput(new ByteArrayInputStream(rect.toByteArray())), 2, 3, W, H, fb);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(0xFF000000 | rgb(x, y), fb.pixel(2 + x, 3 + y), "pixel " + x + "," + y);
            }
        }
        assertEquals(0xFF000000, fb.pixel(0, 0));
    }

    @Test
    void paletteIndexBeyondPaletteIsRefused() {
        byte[] indices = new byte[W * H];
        indices[7] = 9; // palette has 3 colours
        ByteArrayOutputStream rect = new ByteArrayOutputStream();
        rect.write(0x40);
        rect.write(1); // palette
        rect.write(2); // 3 colours
        rect.writeBytes(new byte[9]);
        byte[] compressed = SyncFlush.deflate(indices);
        rect.write(compressed.length);
        rect.writeBytes(compressed);
        VncProtocolException e = assertThrows(VncProtocolException.class, () -> new TightDecoder().decode(
                new RfbInput(new ByteArrayInputStream(rect.toByteArray())), 0, 0, W, H, new Framebuffer(8, 8)));
        assertEquals("Tight palette index 9 beyond palette of 3", e.getMessage());
    }

    private static final int[] PALETTE = {0x102030, 0xA0B0C0, 0x405060};

    /** A palette rectangle (stream 0): the colours as TPIXELs, then the data, compressed from 12 bytes on. */
    private static Framebuffer decodePalette(int colours, byte[] data, int w, int h) throws Exception {
        ByteArrayOutputStream rect = new ByteArrayOutputStream();
        rect.write(0x40); // basic, explicit filter, stream 0
        rect.write(1); // palette
        rect.write(colours - 1);
        for (int i = 0; i < colours; i++) {
            rect.write(PALETTE[i] >> 16);
            rect.write(PALETTE[i] >> 8 & 0xFF);
            rect.write(PALETTE[i] & 0xFF);
        }
        if (data.length < 12) {
            rect.writeBytes(data);
        } else {
            byte[] compressed = SyncFlush.deflate(data);
            rect.write(compressed.length); // compact length, < 128 here
            rect.writeBytes(compressed);
        }
        Framebuffer fb = new Framebuffer(24, 6);
        new TightDecoder().decode(new RfbInput(new ByteArrayInputStream(rect.toByteArray())), 1, 1, w, h, fb);
        return fb;
    }

    @Test
    void twoColourRowsDecodeAtEveryWidth() throws Exception {
        int h = 4;
        for (int w = 1; w <= 19; w++) {
            int rowBytes = (w + 7) / 8;
            byte[] bits = new byte[rowBytes * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if ((x * 7 + y * 3) % 5 < 2) {
                        bits[y * rowBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                    }
                }
            }
            Framebuffer fb = decodePalette(2, bits, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int expected = PALETTE[(x * 7 + y * 3) % 5 < 2 ? 1 : 0];
                    assertEquals(0xFF000000 | expected, fb.pixel(1 + x, 1 + y),
                            "pixel " + x + "," + y + " at width " + w);
                }
                assertEquals(0xFF000000, fb.pixel(1 + w, 1 + y), "right of the rectangle untouched at width " + w);
            }
        }
    }

    @Test
    void paletteIndicesDecodeAtEveryWidth() throws Exception {
        int h = 3;
        for (int w = 1; w <= 9; w++) {
            byte[] indices = new byte[w * h];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = (byte) (i * 2 % 3);
            }
            Framebuffer fb = decodePalette(3, indices, w, h);
            for (int i = 0; i < indices.length; i++) {
                assertEquals(0xFF000000 | PALETTE[i * 2 % 3], fb.pixel(1 + i % w, 1 + i / w),
                        "pixel " + i + " at width " + w);
            }
        }
    }
}
