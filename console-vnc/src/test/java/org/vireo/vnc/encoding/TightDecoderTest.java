package org.vireo.vnc.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/** Tight paths the real servers here do not use (gradient filter) and hostile palette data. */
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
}
