package org.vireo.vnc;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A framebuffer as a standard image: for screenshots from the view and from command-line tools (no JavaFX). */
public final class FramebufferImage {
    private FramebufferImage() {
    }

    /** A consistent copy of the framebuffer's pixels. */
    public static BufferedImage toImage(Framebuffer fb) {
        BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, fb.width(), fb.height(), fb.snapshot(), 0, fb.width());
        return image;
    }

    /** Writes the framebuffer as PNG; disk I/O, so never on a UI thread. */
    public static void writePng(Framebuffer fb, Path file) throws IOException {
        if (!ImageIO.write(toImage(fb), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}
