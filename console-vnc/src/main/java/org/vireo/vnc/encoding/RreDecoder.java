package org.vireo.vnc.encoding;

import java.io.IOException;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/** RRE: a background colour and a list of solid subrectangles. */
public final class RreDecoder implements RectDecoder {
    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        long count = in.u32();
        if (count > (long) w * h) {
            throw new VncProtocolException("RRE rectangle " + w + "x" + h + " claims " + count + " subrectangles");
        }
        fb.fill(x, y, w, h, Pixels.fromBigEndianInt(in.s32()));
        for (long i = 0; i < count; i++) {
            int colour = Pixels.fromBigEndianInt(in.s32());
            int sx = in.u16();
            int sy = in.u16();
            int sw = in.u16();
            int sh = in.u16();
            if (sx + sw > w || sy + sh > h) {
                throw new VncProtocolException("RRE subrectangle " + sx + "," + sy + " " + sw + "x" + sh
                        + " lies outside its " + w + "x" + h + " rectangle");
            }
            fb.fill(x + sx, y + sy, sw, sh, colour);
        }
    }
}
