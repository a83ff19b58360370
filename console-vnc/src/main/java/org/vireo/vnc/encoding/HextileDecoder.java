package org.vireo.vnc.encoding;

import java.io.IOException;
import java.util.Arrays;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/** Hextile: 16×16 tiles, each raw or a background plus subrectangles; colours carry over between tiles. */
public final class HextileDecoder implements RectDecoder {
    private static final int RAW = 1;
    private static final int BACKGROUND_SPECIFIED = 2;
    private static final int FOREGROUND_SPECIFIED = 4;
    private static final int ANY_SUBRECTS = 8;
    private static final int SUBRECTS_COLOURED = 16;

    private final int[] tile = new int[16 * 16];
    private final byte[] rawBytes = new byte[16 * 16 * 4];

    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        int background = Pixels.OPAQUE;
        int foreground = Pixels.OPAQUE;
        for (int ty = 0; ty < h; ty += 16) {
            int th = Math.min(16, h - ty);
            for (int tx = 0; tx < w; tx += 16) {
                int tw = Math.min(16, w - tx);
                int sub = in.u8();
                if ((sub & ~0x1F) != 0) {
                    throw new VncProtocolException("Hextile subencoding " + sub + " has unknown bits");
                }
                if ((sub & RAW) != 0) {
                    in.readFully(rawBytes, 0, tw * th * 4);
                    Pixels.fromWire(rawBytes, 0, tile, 0, tw * th);
                    fb.put(x + tx, y + ty, tw, th, tile, 0, tw);
                    continue;
                }
                if ((sub & BACKGROUND_SPECIFIED) != 0) {
                    background = Pixels.fromBigEndianInt(in.s32());
                }
                if ((sub & FOREGROUND_SPECIFIED) != 0) {
                    foreground = Pixels.fromBigEndianInt(in.s32());
                }
                Arrays.fill(tile, 0, tw * th, background);
                if ((sub & ANY_SUBRECTS) != 0) {
                    int count = in.u8();
                    boolean coloured = (sub & SUBRECTS_COLOURED) != 0;
                    for (int i = 0; i < count; i++) {
                        int colour = coloured ? Pixels.fromBigEndianInt(in.s32()) : foreground;
                        int xy = in.u8();
                        int wh = in.u8();
                        int sx = xy >> 4;
                        int sy = xy & 0xF;
                        int sw = (wh >> 4) + 1;
                        int sh = (wh & 0xF) + 1;
                        if (sx + sw > tw || sy + sh > th) {
                            throw new VncProtocolException("Hextile subrectangle " + sx + "," + sy + " " + sw + "x"
                                    + sh + " lies outside its " + tw + "x" + th + " tile");
                        }
                        for (int row = sy; row < sy + sh; row++) {
                            Arrays.fill(tile, row * tw + sx, row * tw + sx + sw, colour);
                        }
                    }
                }
                fb.put(x + tx, y + ty, tw, th, tile, 0, tw);
            }
        }
    }
}
