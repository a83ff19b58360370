package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.testsupport.UiWait;

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
        Drawn drawn = draw(robot, series(Sparkline.POINTS, 50));
        assertEquals(Sparkline.POINTS, drawn.count());
        Pixels image = drawn.pixels();
        int scale = Math.round((float) image.width() / WIDTH);
        int lineRow = rowOfStrongestLine(image, image.width() / 2);
        double expected = (HEIGHT * scale - 1 - (HEIGHT * scale - 2) * 0.5);
        assertEquals(expected, lineRow + 0.5, 1.0, "the line sits at half height");
        int x = image.width() / 2;
        assertEquals(0, image.alpha(x, 0), "nothing above the line");
        int fill = image.alpha(x, image.height() - 1);
        assertTrue(fill > 30 && fill < 70, "a light fill below the line, alpha " + fill);
    }

    @Test
    void fewSamplesFillOnlyTheRightPartAndAHigherLoadDrawsHigher(FxRobot robot) {
        Drawn drawn = draw(robot, series(5, 20));
        assertEquals(5, drawn.count());
        Pixels image = drawn.pixels();
        int w = image.width();
        int h = image.height();
        for (int y = 0; y < h; y++) {
            assertEquals(0, image.alpha(0, y), "no samples yet on the left: transparent");
        }
        int low = rowOfStrongestLine(image, w - 2);

        int high = rowOfStrongestLine(draw(robot, series(5, 90)).pixels(), w - 2);
        assertTrue(high < low - h / 2, "90 % is drawn well above 20 %: rows " + high + " vs " + low);
    }

    @Test
    void aHostReadInFullEveryTenthTickStaysAtItsFigureInBetween(FxRobot robot) {
        double[] sweeps = series(Sparkline.POINTS, Double.NaN);
        for (int i = 0; i < sweeps.length; i += 10) {
            sweeps[i] = 50;
        }
        Drawn drawn = draw(robot, sweeps);
        assertEquals(Sparkline.POINTS, drawn.count());
        Pixels image = drawn.pixels();
        int scale = Math.round((float) image.width() / WIDTH);
        double expected = (HEIGHT * scale - 1 - (HEIGHT * scale - 2) * 0.5);
        for (int x = 0; x < image.width(); x++) {
            int lineRow = rowOfStrongestLine(image, x);
            assertEquals(expected, lineRow + 0.5, 1.0, "column " + x + ": at half height, no drop to 0 between reads");
        }
    }

    @Test
    void noSamplesDrawNothing(FxRobot robot) {
        draw(robot, series(Sparkline.POINTS, 70));
        Drawn drawn = draw(robot, new double[0]);
        assertEquals(0, drawn.count());
        Pixels image = drawn.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertEquals(0, image.alpha(x, y));
            }
        }
    }

    /** What one draw returned and a copy of the image it left, taken on the FX thread in the same step. */
    private record Drawn(int count, Pixels pixels) {
    }

    /** A copy of an image's pixels: the sparkline draws into the same image again, on the FX thread. */
    private record Pixels(int width, int height, int[] argb) {
        static Pixels of(Image image) {
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            return new Pixels(w, h, argb);
        }

        int alpha(int x, int y) {
            return argb[y * width + x] >>> 24;
        }
    }

    private Drawn draw(FxRobot robot, double[] values) {
        return UiWait.onFx(() -> {
            int count = sparkline.draw(dst -> {
                int n = Math.min(values.length, dst.length);
                System.arraycopy(values, values.length - n, dst, 0, n);
                return n;
            });
            return new Drawn(count, Pixels.of(sparkline.getImage()));
        });
    }

    private static double[] series(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    private static int rowOfStrongestLine(Pixels pixels, int x) {
        int best = -1;
        for (int y = 0; y < pixels.height(); y++) {
            if (best < 0 || pixels.alpha(x, y) > pixels.alpha(x, best)) {
                best = y;
            }
        }
        return best;
    }
}
