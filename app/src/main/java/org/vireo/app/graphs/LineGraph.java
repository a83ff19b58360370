package org.vireo.app.graphs;

import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A line graph of one or two series drawn on one Canvas (no Chart, no node per point). New data only
 * marks the graph dirty and asks for layout; the drawing happens once in the next pulse's layout pass,
 * however many series were updated in between. The title line shows latest, min and max of the first
 * series; {@link #sampleCountProperty()} and {@link #lastDrawnValueProperty()} tell what was drawn.
 */
public final class LineGraph extends Region {
    private static final double TITLE_HEIGHT = 18;
    private static final Color GRID = Color.gray(0.5, 0.25);
    private static final Color[] COLORS = {Color.web("#2a7fd4"), Color.web("#d4762a")};

    private final Canvas canvas = new Canvas();
    private final String title;
    private final String summaryPattern;
    private final DoubleFunction<String> format;
    private final double[][] values;
    private final int[] counts;
    private final int capacity;
    private double fixedMax = Double.NaN;
    private boolean dirty = true;
    private final ReadOnlyIntegerWrapper sampleCount = new ReadOnlyIntegerWrapper(this, "sampleCount");
    private final ReadOnlyDoubleWrapper lastDrawnValue = new ReadOnlyDoubleWrapper(this, "lastDrawnValue", Double.NaN);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyIntegerWrapper redraws = new ReadOnlyIntegerWrapper(this, "redraws");

    /**
     * @param summaryPattern the title line with data, MessageFormat of title, latest, min, max
     * @param capacity       most samples shown (the history's capacity: the graph spans its whole period)
     * @param series         1 or 2
     */
    public LineGraph(String title, String summaryPattern, DoubleFunction<String> format, int capacity, int series) {
        if (series < 1 || series > COLORS.length) {
            throw new IllegalArgumentException("a line graph draws 1 or 2 series, not " + series);
        }
        this.title = title;
        this.summaryPattern = summaryPattern;
        this.format = format;
        this.capacity = capacity;
        this.values = new double[series][capacity];
        this.counts = new int[series];
        getStyleClass().add("line-graph");
        getChildren().add(canvas);
        setMinHeight(70);
        setPrefHeight(110);
        setPrefWidth(360);
    }

    /** The buffer series {@code index} is read from; fill it (oldest first) then call {@link #dataChanged}. */
    double[] buffer(int index) {
        return values[index];
    }

    /** Marks {@code count} values of series {@code index} as current; redrawn at the next pulse. */
    public void dataChanged(int index, int count) {
        counts[index] = Math.max(0, Math.min(count, capacity));
        if (!dirty) {
            dirty = true;
            requestLayout();
        }
    }

    /** Copies {@code count} values (oldest first) into series {@code index}. */
    public void setData(int index, double[] source, int count) {
        int n = Math.min(count, capacity);
        System.arraycopy(source, count - n, values[index], 0, n);
        dataChanged(index, n);
    }

    /** Fixes the top of the scale (e.g. 100 for CPU %); NaN scales to the data. */
    public void setFixedMax(double max) {
        fixedMax = max;
        dataChanged(0, counts[0]);
    }

    /** Samples of the first series in the last drawing. */
    public ReadOnlyIntegerProperty sampleCountProperty() {
        return sampleCount.getReadOnlyProperty();
    }

    /** Newest value of the first series in the last drawing (NaN when none). */
    public ReadOnlyDoubleProperty lastDrawnValueProperty() {
        return lastDrawnValue.getReadOnlyProperty();
    }

    /** The title line as drawn, e.g. "CPU   now 6.3 %   min 5.9 %   max 7.0 %". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many times the canvas was drawn (one per pulse at most). */
    public ReadOnlyIntegerProperty redrawsProperty() {
        return redraws.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.floor(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double top = 0;
        for (int s = 0; s < values.length; s++) {
            for (int i = 0; i < counts[s]; i++) {
                double v = values[s][i];
                if (!Double.isNaN(v)) {
                    top = Math.max(top, v);
                    if (s == 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        double scaleTop = !Double.isNaN(fixedMax) ? fixedMax : top <= 0 ? 1 : top * 1.1;
        double latest = counts[0] == 0 ? Double.NaN : values[0][counts[0] - 1];
        String line = counts[0] == 0 ? title : java.text.MessageFormat.format(summaryPattern, title,
                format.apply(latest), format.apply(min), format.apply(max));

        gc.setFont(Font.font(11));
        gc.setFill(Color.gray(0.35));
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(line, 2, 2);
        double plotTop = TITLE_HEIGHT;
        double plotHeight = Math.max(1, h - plotTop - 1);
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        for (int g = 0; g <= 2; g++) {
            double y = Math.floor(plotTop + plotHeight * g / 2.0) + 0.5;
            gc.strokeLine(0, y, w, y);
        }
        double step = capacity > 1 ? w / (capacity - 1) : w;
        for (int s = 0; s < values.length; s++) {
            strokeSeries(gc, values[s], counts[s], w, step, plotTop, plotHeight, scaleTop, COLORS[s]);
        }
        sampleCount.set(counts[0]);
        lastDrawnValue.set(latest);
        summary.set(line);
        redraws.set(redraws.get() + 1);
    }

    /** Newest sample at the right edge; NaN leaves a gap. */
    private static void strokeSeries(GraphicsContext gc, double[] data, int count, double w, double step,
                                     double plotTop, double plotHeight, double scaleTop, Color color) {
        gc.setStroke(color);
        gc.setLineWidth(1.5);
        gc.beginPath();
        boolean pen = false;
        for (int i = 0; i < count; i++) {
            double v = data[i];
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            double x = w - (count - 1 - i) * step;
            double y = plotTop + plotHeight * (1 - Math.min(1, v / scaleTop));
            if (pen) {
                gc.lineTo(x, y);
            } else {
                gc.moveTo(x, y);
                pen = true;
            }
        }
        gc.stroke();
    }
}
