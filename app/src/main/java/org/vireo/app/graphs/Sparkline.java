package org.vireo.app.graphs;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A tiny CPU % trend on a Canvas (0..100 scale), for table cells. */
final class Sparkline extends Canvas {
    static final int POINTS = 40;
    private static final Color LINE = Color.web("#2a7fd4");
    private static final Color FILL = Color.web("#2a7fd4", 0.18);
    /** Shared scratch for the copy-out: sparklines draw on the FX thread only, one at a time. */
    private static final double[] SCRATCH = new double[POINTS];

    /** What is on the canvas now: unchanged data leaves the canvas alone (no repaint of its pixels). */
    private final float[] shown = new float[POINTS];
    private int shownCount = -1;

    Sparkline(double width, double height) {
        super(width, height);
        getStyleClass().add("sparkline");
    }

    /** Draws the newest values from {@code source} (a copy-out into the scratch array); returns how many. */
    int draw(SeriesSource source) {
        int count = source.copyInto(SCRATCH);
        if (sameAsShown(count)) {
            return count;
        }
        GraphicsContext gc = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        gc.clearRect(0, 0, w, h);
        if (count < 1) {
            return 0;
        }
        double step = w / (POINTS - 1);
        gc.beginPath();
        gc.moveTo(w - (count - 1) * step, h);
        for (int i = 0; i < count; i++) {
            double v = Double.isNaN(SCRATCH[i]) ? 0 : Math.max(0, Math.min(100, SCRATCH[i]));
            gc.lineTo(w - (count - 1 - i) * step, h - 1 - (h - 2) * v / 100);
        }
        gc.lineTo(w, h);
        gc.closePath();
        gc.setFill(FILL);
        gc.fill();
        gc.setStroke(LINE);
        gc.setLineWidth(1);
        gc.stroke();
        return count;
    }

    /** True when the canvas already shows these values at pixel precision; else remembers them. */
    private boolean sameAsShown(int count) {
        double h = getHeight();
        boolean same = count == shownCount;
        for (int i = 0; i < count; i++) {
            float level = (float) Math.rint(Double.isNaN(SCRATCH[i]) ? -1 : SCRATCH[i] * h / 100 * 4); // quarter pixels
            same &= shown[i] == level;
            shown[i] = level;
        }
        shownCount = count;
        return same;
    }

    /** Where a sparkline reads its values from (a VM's or a host's CPU series). */
    @FunctionalInterface
    interface SeriesSource {
        int copyInto(double[] dst);
    }
}
