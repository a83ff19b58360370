package org.vireo.vnc.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;

/**
 * Raw rectangles written from RFC 6143 §7.7.1 in the pixel format the client asks for (B, G, R, pad): each pixel
 * lands where it belongs, opaque whatever the pad byte holds, at widths that are not a multiple of the copy's
 * unrolling.
 */
class RawDecoderTest {

    @Test
    void pixelsLandOpaqueInTheirRectangleOnly() throws Exception {
        for (int w = 1; w <= 9; w++) {
            int h = 3;
            byte[] wire = new byte[w * h * 4];
            for (int i = 0; i < w * h; i++) {
                wire[i * 4] = (byte) i;             // blue
                wire[i * 4 + 1] = (byte) (i * 3);   // green
                wire[i * 4 + 2] = (byte) (i * 7);   // red
                wire[i * 4 + 3] = (byte) (i * 37);  // pad: anything, 0 included
            }
            Framebuffer fb = new Framebuffer(12, 6);
            new RawDecoder().decode(new RfbInput(new ByteArrayInputStream(wire)), 2, 1, w, h, fb);
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    int i = row * w + col;
                    int expected = 0xFF000000 | (i * 7 & 0xFF) << 16 | (i * 3 & 0xFF) << 8 | (i & 0xFF);
                    assertEquals(expected, fb.pixel(2 + col, 1 + row),
                            "pixel " + col + "," + row + " of a " + w + "-wide rectangle");
                }
                assertEquals(0xFF000000, fb.pixel(2 + w, 1 + row), "right of the " + w + "-wide rectangle untouched");
                assertEquals(0xFF000000, fb.pixel(1, 1 + row), "left of the rectangle untouched");
            }
            assertEquals(0xFF000000, fb.pixel(2, 1 + h), "below the rectangle untouched");
        }
    }
}
