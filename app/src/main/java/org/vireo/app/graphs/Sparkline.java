package org.vireo.app.graphs;

import java.util.Arrays;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A tiny CPU % trend (0..100 scale) for table cells: a line over a light fill, drawn pixel by pixel into a small
 * image of its own. A tree shows dozens of these and redraws them every stats tick, so they avoid the path
 * rasterizer a Canvas would use for each (and its compiled-code churn); an unchanged trend leaves the image, and so
 * the screen, alone.
 */
final class Sparkline extends ImageView {
    static final int POINTS = 40;
    /** #2a7fd4, the line, and the same at 18 % opacity, the fill below it. */
    private static final int LINE_RGB = 0x2a7fd4;
    private static final double FILL_ALPHA = 0.18;
    /** Shared scratch for the copy-out: sparklines draw on the FX thread only, one at a time. */
    private static final double[] SCRATCH = new double[POINTS];

    private final double width;
    private final double height;
    private double scale;
    private WritableImage image;
    /** The image's pixels (premultiplied ARGB) and the next drawing, compared before anything is written. */
    private int[] shown;
    private int[] next;

    Sparkline(double width, double height) {
        this.width = width;
        this.height = height;
        setFitWidth(width);
        setFitHeight(height);
        setSmooth(true);
        getStyleClass().add("sparkline");
    }

    /**
     * Draws the newest values from {@code source} (a copy-out into the scratch array) from the first known one on,
     * unknown ones as the last known value (see {@link KnownSamples}); returns how many are drawn.
     */
    int draw(SeriesSource source) {
        int count = KnownSamples.carry(SCRATCH, source.copyInto(SCRATCH));
        ensureImage();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        Arrays.fill(next, 0);
        if (count > 0) {
            paint(count, w, h);
        }
        if (!Arrays.equals(next, shown)) {
            int[] drawn = next;
            next = shown;
            shown = drawn;
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), shown, 0, w);
        }
        return count;
    }

    /** An image at the window's render scale (sharp on HiDPI screens), made again when that scale changes. */
    private void ensureImage() {
        double renderScale = getScene() == null || getScene().getWindow() == null ? 1
                : Math.max(1, getScene().getWindow().getRenderScaleX());
        if (image != null && renderScale == scale) {
            return;
        }
        scale = renderScale;
        int w = Math.max(1, (int) Math.ceil(width * scale));
        int h = Math.max(1, (int) Math.ceil(height * scale));
        image = new WritableImage(w, h);
        shown = new int[w * h];
        next = new int[w * h];
        setImage(image);
    }

    /**
     * Per pixel column: the fill from the trend down, the line across it with coverage-weighted (anti-aliased)
     * edges, spanning from the trend's height at the column's left edge to its right edge so steep steps stay joined.
     */
    private void paint(int count, int w, int h) {
        double step = (double) w / (POINTS - 1);
        double firstX = w - (count - 1) * step;
        double lineWidth = scale;
        for (int x = Math.max(0, (int) Math.floor(firstX)); x < w; x++) {
            double left = y(Math.max(firstX, x), count, w, h, step);
            double right = y(Math.min(w, x + 1), count, w, h, step);
            double centre = y(Math.max(firstX, Math.min(w, x + 0.5)), count, w, h, step);
            double top = Math.min(left, right) - lineWidth / 2;
            double bottom = Math.max(left, right) + lineWidth / 2;
            double columnCover = Math.min(1, x + 1 - firstX); // the first column may be partly left of the trend
            for (int r = 0; r < h; r++) {
                double fill = FILL_ALPHA * overlap(r, centre, h) * columnCover;
                double line = overlap(r, top, bottom) * columnCover;
                double alpha = line + fill * (1 - line);
                if (alpha > 0) {
                    next[r * w + x] = premultiplied(alpha);
                }
            }
        }
    }

    /** Height (pixels from the top) of the trend at {@code x}, straight between the samples. */
    private static double y(double x, int count, int w, int h, double step) {
        double position = (x - (w - (count - 1) * step)) / step;
        int i = (int) Math.max(0, Math.min(count - 1, Math.floor(position)));
        int j = Math.min(count - 1, i + 1);
        double t = Math.max(0, Math.min(1, position - i));
        double v = value(i) * (1 - t) + value(j) * t;
        return h - 1 - (h - 2) * v / 100;
    }

    private static double value(int i) {
        return Math.max(0, Math.min(100, SCRATCH[i]));
    }

    /** How much of pixel row {@code r} lies between {@code from} and {@code to} (0..1). */
    private static double overlap(int r, double from, double to) {
        return Math.max(0, Math.min(r + 1, to) - Math.max(r, from));
    }

    private static int premultiplied(double alpha) {
        int a = (int) Math.round(255 * Math.min(1, alpha));
        int red = ((LINE_RGB >> 16) & 0xff) * a / 255;
        int green = ((LINE_RGB >> 8) & 0xff) * a / 255;
        int blue = (LINE_RGB & 0xff) * a / 255;
        return a << 24 | red << 16 | green << 8 | blue;
    }

    /** Where a sparkline reads its values from (a VM's or a host's CPU series). */
    @FunctionalInterface
    interface SeriesSource {
        int copyInto(double[] dst);
    }
}
