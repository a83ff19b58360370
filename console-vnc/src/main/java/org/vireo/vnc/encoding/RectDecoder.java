package org.vireo.vnc.encoding;

import java.io.IOException;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;

/** Decodes one rectangle of one pixel encoding; the caller has already checked it lies inside {@code fb}. */
public interface RectDecoder {
    void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException;
}
