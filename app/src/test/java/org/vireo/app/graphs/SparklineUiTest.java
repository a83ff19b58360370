package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a tree cell's sparkline shows: the trend as a line over a light fill, the newest sample at the right. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SparklineUiTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 14;

    private Sparkline sparkline;

    @Start
    void start(Stage stage) {
        sparkline = new Sparkline(WIDTH, HEIGHT);
        stage.setScene(new Scene(new StackPane(sparkline), 120, 40));
        stage.show();
    }

    @Test
    void aFlatHalfLoadIsALineAcrossTheMiddleOverAFill(FxRobot robot) {
        int drawn = draw(robot, series(Sparkline.POINTS, 50));
        assertEquals(Sparkline.POINTS, drawn);
        Image image = sparkline.getImage();
        int scale = (int) Math.round(image.getWidth() / WIDTH);
        PixelReader pixels = image.getPixelReader();
        int lineRow = rowOfStrongestLine(pixels, (int) image.getWidth() / 2, (int) image.getHeight());
        double expected = (HEIGHT * scale - 1 - (HEIGHT * scale - 2) * 0.5);
        assertEquals(expected, lineRow + 0.5, 1.0, "the line sits at half height");
        int x = (int) image.getWidth() / 2;
        assertEquals(0, alpha(pixels, x, 0), "nothing above the line");
        int fill = alpha(pixels, x, (int) image.getHeight() - 1);
        assertTrue(fill > 30 && fill < 70, "a light fill below the line, alpha " + fill);
    }

    @Test
    void fewSamplesFillOnlyTheRightPartAndAHigherLoadDrawsHigher(FxRobot robot) {
        assertEquals(5, draw(robot, series(5, 20)));
        Image image = sparkline.getImage();
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        for (int y = 0; y < h; y++) {
            assertEquals(0, alpha(pixels, 0, y), "no samples yet on the left: transparent");
        }
        int low = rowOfStrongestLine(pixels, w - 2, h);

        draw(robot, series(5, 90));
        int high = rowOfStrongestLine(sparkline.getImage().getPixelReader(), w - 2, h);
        assertTrue(high < low - h / 2, "90 % is drawn well above 20 %: rows " + high + " vs " + low);
    }

    @Test
    void aHostReadInFullEveryTenthTickStaysAtItsFigureInBetween(FxRobot robot) {
        double[] sweeps = series(Sparkline.POINTS, Double.NaN);
        for (int i = 0; i < sweeps.length; i += 10) {
            sweeps[i] = 50;
        }
        assertEquals(Sparkline.POINTS, draw(robot, sweeps));
        Image image = sparkline.getImage();
        int scale = (int) Math.round(image.getWidth() / WIDTH);
        double expected = (HEIGHT * scale - 1 - (HEIGHT * scale - 2) * 0.5);
        for (int x = 0; x < image.getWidth(); x++) {
            int lineRow = rowOfStrongestLine(image.getPixelReader(), x, (int) image.getHeight());
            assertEquals(expected, lineRow + 0.5, 1.0, "column " + x + ": at half height, no drop to 0 between reads");
        }
    }

    @Test
    void noSamplesDrawNothing(FxRobot robot) {
        draw(robot, series(Sparkline.POINTS, 70));
        assertEquals(0, draw(robot, new double[0]));
        Image image = sparkline.getImage();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(0, alpha(image.getPixelReader(), x, y));
            }
        }
    }

    private int draw(FxRobot robot, double[] values) {
        int[] count = new int[1];
        robot.interact(() -> count[0] = sparkline.draw(dst -> {
            int n = Math.min(values.length, dst.length);
            System.arraycopy(values, values.length - n, dst, 0, n);
            return n;
        }));
        return count[0];
    }

    private static double[] series(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    private static int rowOfStrongestLine(PixelReader pixels, int x, int height) {
        int best = -1;
        for (int y = 0; y < height; y++) {
            if (best < 0 || alpha(pixels, x, y) > alpha(pixels, x, best)) {
                best = y;
            }
        }
        return best;
    }

    private static int alpha(PixelReader pixels, int x, int y) {
        return pixels.getArgb(x, y) >>> 24;
    }
}
