package org.vireo.vnc.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/**
 * ZRLE tiles written from RFC 6143 §7.7.6: packed palettes at each bit depth with widths that leave rows
 * ending mid-byte, solid tiles, and a palette index beyond its palette.
 */
class ZrleDecoderTest {
    private static final int[] COLOURS = {0x112233, 0x445566, 0x778899, 0xAABBCC, 0xDDEEFF, 0x102030, 0x405060,
        0x708090, 0xA0B0C0, 0xD0E0F0, 0x010203, 0x040506, 0x070809, 0x0A0B0C, 0x0D0E0F, 0xFEDCBA};

    private static void cpixel(ByteArrayOutputStream out, int rgb) {
        out.write(rgb & 0xFF);
        out.write((rgb >> 8) & 0xFF);
        out.write((rgb >> 16) & 0xFF);
    }

    private static int index(int x, int y, int size) {
        return (x * 7 + y * 3) % size;
    }

    /** One w×h packed-palette tile of {@code size} colours: each row packed from the high bits, padded to a byte. */
    private static byte[] packedTile(int size, int w, int h) {
        int bits = size == 2 ? 1 : size <= 4 ? 2 : 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(size);
        for (int i = 0; i < size; i++) {
            cpixel(out, COLOURS[i]);
        }
        for (int y = 0; y < h; y++) {
            int b = 0;
            int used = 0;
            for (int x = 0; x < w; x++) {
                b = b << bits | index(x, y, size);
                used += bits;
                if (used == 8) {
                    out.write(b);
                    b = 0;
                    used = 0;
                }
            }
            if (used > 0) {
                out.write(b << (8 - used));
            }
        }
        return out.toByteArray();
    }

    private static Framebuffer decode(byte[] tiles, int x, int y, int w, int h) throws Exception {
        byte[] zlib = SyncFlush.deflate(tiles);
        byte[] rect = ByteBuffer.allocate(4 + zlib.length).putInt(zlib.length).put(zlib).array();
        Framebuffer fb = new Framebuffer(80, 70);
        new ZrleDecoder().decode(new RfbInput(new ByteArrayInputStream(rect)), x, y, w, h, fb);
        return fb;
    }

    @ParameterizedTest(name = "{0} colours")
    @ValueSource(ints = {2, 3, 4, 5, 16})
    void packedPaletteTilesDecodeAtEveryBitDepth(int size) throws Exception {
        int w = 13; // rows end mid-byte at 1, 2 and 4 bits per pixel
        int h = 5;
        Framebuffer fb = decode(packedTile(size, w, h), 3, 2, w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(0xFF000000 | COLOURS[index(x, y, size)], fb.pixel(3 + x, 2 + y), "pixel " + x + "," + y);
            }
        }
        assertEquals(0xFF000000, fb.pixel(2, 2), "left of the rectangle untouched");
    }

    @Test
    void solidTilesFillTheirWholeTileOnly() throws Exception {
        // 70x66: two tiles across (64 + 6) and two down (64 + 2), each solid in its own colour
        ByteArrayOutputStream tiles = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            tiles.write(1);
            cpixel(tiles, COLOURS[i]);
        }
        Framebuffer fb = decode(tiles.toByteArray(), 1, 1, 70, 66);
        assertEquals(0xFF000000 | COLOURS[0], fb.pixel(64, 64));
        assertEquals(0xFF000000 | COLOURS[1], fb.pixel(65, 64));
        assertEquals(0xFF000000 | COLOURS[1], fb.pixel(70, 1));
        assertEquals(0xFF000000 | COLOURS[2], fb.pixel(1, 65));
        assertEquals(0xFF000000 | COLOURS[3], fb.pixel(70, 66));
        assertEquals(0xFF000000, fb.pixel(71, 66), "right of the rectangle untouched");
        assertEquals(0xFF000000, fb.pixel(70, 67), "below the rectangle untouched");
    }

    @Test
    void packedIndexBeyondThePaletteEndsTheRectangle() {
        // 3 colours at 2 bits a pixel: index 3 is representable but names no colour
        ByteArrayOutputStream tile = new ByteArrayOutputStream();
        tile.write(3);
        for (int i = 0; i < 3; i++) {
            cpixel(tile, COLOURS[i]);
        }
        tile.write(0b00_01_10_11);
        VncProtocolException e = assertThrows(VncProtocolException.class, () -> decode(tile.toByteArray(), 0, 0, 4, 1));
        assertEquals("ZRLE palette index 3 beyond palette of 3", e.getMessage());
    }
}
