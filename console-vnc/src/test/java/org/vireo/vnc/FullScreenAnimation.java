package org.vireo.vnc;

import java.awt.Canvas;
import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.image.BufferStrategy;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/**
 * The animated desktop of the VNC benchmark (run on the Xvnc display): a full-screen window whose whole
 * content moves every frame, paced at 60 frames per second for {@code seconds} (args: width height seconds).
 * Bands of colour (48 px wide, stepped every 90 rows, like flat desktop content) scroll sideways under solid
 * rectangles moving the other way.
 */
public final class FullScreenAnimation {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        BufferedImage band = new BufferedImage(width * 2, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width * 2; x++) {
            int rgb = Color.HSBtoRGB(((x % width) / 48) * 48 / (float) width, 0.7f, 0.9f);
            for (int y = 0; y < height; y++) {
                band.setRGB(x, y, rgb ^ ((y / 90) % 2 == 0 ? 0 : 0x202020));
            }
        }
        Frame frame = new Frame("vireo-bench-animation");
        frame.setUndecorated(true);
        Canvas canvas = new Canvas();
        canvas.setSize(width, height);
        frame.add(canvas);
        frame.setBounds(0, 0, width, height);
        frame.setVisible(true);
        canvas.createBufferStrategy(2);
        BufferStrategy strategy = canvas.getBufferStrategy();
        long frameNanos = TimeUnit.SECONDS.toNanos(1) / 60;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long frames = 0;
        while (System.nanoTime() < end) {
            int shift = (int) ((frames * 12) % width);
            Graphics g = strategy.getDrawGraphics();
            g.drawImage(band, -shift, 0, null);
            for (int i = 0; i < 12; i++) {
                g.setColor(new Color(Color.HSBtoRGB(i / 12f, 0.9f, 0.6f)));
                int x = (int) ((width - (frames * (6 + i)) % (width + 200)) + i * 37) % width;
                g.fillRect(x, 60 + i * 80, 160, 60);
            }
            g.dispose();
            strategy.show();
            Toolkit.getDefaultToolkit().sync();
            frames++;
            long next = start + frames * frameNanos; // pacing to 60 fps, not synchronisation
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        System.out.printf("ANIMATION frames=%d fps=%.1f%n", frames, frames / ((System.nanoTime() - start) / 1e9));
        frame.dispose();
        System.exit(0);
    }
}
