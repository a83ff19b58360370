package org.vireo.app.graphs;

import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The CPU column's content: a sparkline and, right-aligned beside it, the latest value, in a box whose size depends
 * only on the font and the widest value ({@code widest}, e.g. "100.0 %"). A stats tick changes the image's pixels
 * and the text node's string in place: no child is removed or added and restyled (as a cell's own text and graphic
 * are whenever the text changes), and neither the box's size nor a layout of the row or the tree is asked for.
 */
final class CpuGraphic extends Region {
    static final double SPARKLINE_WIDTH = 64;
    static final double SPARKLINE_HEIGHT = 14;
    static final double GAP = 4;

    private final Sparkline sparkline = new Sparkline(SPARKLINE_WIDTH, SPARKLINE_HEIGHT);
    private final Text value = new Text();
    private final String widest;

    CpuGraphic(String widest) {
        this.widest = widest;
        getStyleClass().add("cpu-graphic");
        value.getStyleClass().add("cpu-percent");
        value.setTextOrigin(VPos.TOP);
        value.setTextAlignment(TextAlignment.RIGHT);
        // Placed by this box alone: a new string changes neither its slot nor anything around it.
        value.setManaged(false);
        sparkline.setManaged(false);
        getChildren().addAll(sparkline, value);
        value.fontProperty().addListener(o -> requestLayout());
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    Sparkline sparkline() {
        return sparkline;
    }

    /** Shows {@code text} (empty for none) beside the sparkline. */
    void setValue(String text) {
        // A tick formats a new but often equal string; a property only compares references, and a changed text
        // repaints its row.
        if (!text.equals(value.getText())) {
            value.setText(text);
        }
    }

    /** The value as shown (tests). */
    Text valueNode() {
        return value;
    }

    /** Width of the value's slot: {@code widest} in the bold face of the font (rows that are drop targets are bold). */
    double slotWidth() {
        return slotWidth(value.getFont(), widest);
    }

    /** Width of the whole graphic for {@code font}, for sizing the column before any cell exists. */
    static double widthFor(Font font, String widest) {
        return SPARKLINE_WIDTH + GAP + slotWidth(font, widest);
    }

    private static double slotWidth(Font font, String widest) {
        Text measure = new Text(widest);
        measure.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + SPARKLINE_WIDTH + GAP + slotWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + Math.max(SPARKLINE_HEIGHT, lineHeight()) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double top = snappedTopInset();
        double height = getHeight() - top - snappedBottomInset();
        sparkline.relocate(x, snapPositionY(top + (height - SPARKLINE_HEIGHT) / 2));
        value.setWrappingWidth(slotWidth());
        value.relocate(x + SPARKLINE_WIDTH + GAP, snapPositionY(top + (height - lineHeight()) / 2));
    }

    /** One line of the font, whatever the string (an empty Text is as high as a line). */
    private double lineHeight() {
        return value.getLayoutBounds().getHeight();
    }
}
