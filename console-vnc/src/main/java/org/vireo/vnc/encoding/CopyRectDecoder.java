package org.vireo.vnc.encoding;

import java.io.IOException;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/** CopyRect: the rectangle's new content is a block already in the framebuffer. */
public final class CopyRectDecoder implements RectDecoder {
    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        int srcX = in.u16();
        int srcY = in.u16();
        if (!fb.contains(srcX, srcY, w, h)) {
            throw new VncProtocolException("CopyRect source " + srcX + "," + srcY + " " + w + "x" + h
                    + " lies outside the " + fb.width() + "x" + fb.height() + " framebuffer");
        }
        fb.copy(srcX, srcY, x, y, w, h);
    }
}
