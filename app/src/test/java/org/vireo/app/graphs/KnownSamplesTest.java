package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A sparkline's series with unknown samples: never drawn as 0, the last known value carried instead. */
class KnownSamplesTest {
    private static final double NAN = Double.NaN;

    @Test
    void aHostReadInFullEveryTenthTickKeepsItsLastFigureInBetween() {
        double[] series = new double[40];
        Arrays.fill(series, NAN);
        for (int i = 3; i < 40; i += 10) {
            series[i] = 60 + i; // 63, 73, 83, 93: one full read per sweep
        }
        int drawn = KnownSamples.carry(series, 40);

        assertEquals(37, drawn, "from the first known sample on");
        for (int i = 0; i < drawn; i++) {
            double expected = 63 + 10 * (i / 10);
            assertEquals(expected, series[i], "sample " + i + ": the last known figure, never 0 or unknown");
        }
    }

    @Test
    void unknownOnlyDrawsNothingAndAKnownSeriesStaysAsItIs() {
        double[] unknown = {NAN, NAN, NAN};
        assertEquals(0, KnownSamples.carry(unknown, 3));

        double[] known = {5, 0, 7, 9};
        assertEquals(4, KnownSamples.carry(known, 4));
        assertArrayEquals(new double[] {5, 0, 7, 9}, known, "a real 0 stays 0");

        double[] partly = {NAN, 12, NAN, 0, NAN, 99};
        assertEquals(2, KnownSamples.carry(partly, 3), "only the first count values are looked at");
        assertArrayEquals(new double[] {12, 12}, Arrays.copyOf(partly, 2));
    }
}
