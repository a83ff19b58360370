package org.vireo.connections.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampleRingTest {

    @Test
    void emptyRingHasNoLatestValueAndCopiesNothing() {
        SampleRing ring = new SampleRing(4, 2);
        assertTrue(Double.isNaN(ring.latest(0)));
        assertEquals(0, ring.latestTime());
        assertEquals(0, ring.copySeries(1, new double[4]));
    }

    @Test
    void latestKnownSkipsUnknownRowsAfterTheLastFullRead() {
        SampleRing ring = new SampleRing(4, 1);
        assertTrue(Double.isNaN(ring.latestKnown(0)), "nothing sampled yet");
        for (double value : new double[] {Double.NaN, 40, Double.NaN, Double.NaN, Double.NaN}) {
            ring.append(0, new double[] {value});
        }
        assertTrue(Double.isNaN(ring.latest(0)), "the newest row is unknown");
        assertEquals(40.0, ring.latestKnown(0), "the full read three rows back, after the ring wrapped");
        ring.append(0, new double[] {Double.NaN});
        assertTrue(Double.isNaN(ring.latestKnown(0)), "the known row fell out of the ring");
    }

    @Test
    void keepsTheNewestRowsOldestFirstAfterWrappingAround() {
        SampleRing ring = new SampleRing(3, 2);
        double[] row = new double[2];
        for (int i = 1; i <= 7; i++) {
            row[0] = i;
            row[1] = -i;
            ring.append(1000L * i, row);
        }
        assertEquals(3, ring.size());
        assertEquals(7.0, ring.latest(0));
        assertEquals(-7.0, ring.latest(1));
        assertEquals(7000L, ring.latestTime());

        double[] series = new double[3];
        assertEquals(3, ring.copySeries(0, series));
        assertArrayEquals(new double[] {5, 6, 7}, series);
        long[] times = new long[3];
        assertEquals(3, ring.copyTimes(times));
        assertArrayEquals(new long[] {5000, 6000, 7000}, times);
    }

    @Test
    void aShortDestinationGetsTheNewestValues() {
        SampleRing ring = new SampleRing(5, 1);
        for (int i = 1; i <= 6; i++) {
            ring.append(i, new double[] {i});
        }
        double[] two = new double[2];
        assertEquals(2, ring.copySeries(0, two));
        assertArrayEquals(new double[] {5, 6}, two);
    }

    @Test
    void aLongDestinationIsFilledOnlyAsFarAsThereAreSamples() {
        SampleRing ring = new SampleRing(5, 1);
        ring.append(1, new double[] {10});
        ring.append(2, new double[] {20});
        double[] dst = new double[5];
        Arrays.fill(dst, -1);
        assertEquals(2, ring.copySeries(0, dst));
        assertArrayEquals(new double[] {10, 20, -1, -1, -1}, dst);
    }

    @Test
    void valuesAreKeptAtFloatPrecisionAndNanStaysUnknown() {
        SampleRing ring = new SampleRing(2, 2);
        ring.append(1, new double[] {6.25, Double.NaN});
        assertEquals(6.25, ring.latest(0));
        assertTrue(Double.isNaN(ring.latest(1)));
    }

    @Test
    void theCallersRowIsCopiedNotKept() {
        SampleRing ring = new SampleRing(2, 1);
        double[] row = {1};
        ring.append(1, row);
        row[0] = 99;
        assertEquals(1.0, ring.latest(0));
    }

    @Test
    void storageGrowsAsSamplesComeAndKeepsTheirOrder() {
        SampleRing ring = new SampleRing(100, 1);
        assertEquals(16, ring.allocatedRows(), "a VM read once in a while holds little");
        for (int i = 1; i <= 150; i++) {
            ring.append(i, new double[] {i});
        }
        assertEquals(100, ring.allocatedRows());
        assertEquals(100, ring.size());
        double[] all = new double[100];
        ring.copySeries(0, all);
        for (int i = 0; i < 100; i++) {
            assertEquals(51 + i, all[i], "oldest first after growing and wrapping");
        }
        long[] times = new long[100];
        ring.copyTimes(times);
        assertEquals(51, times[0]);
        assertEquals(150, times[99]);
    }

    @Test
    void rejectsRowsOfTheWrongWidthAndEmptyRings() {
        SampleRing ring = new SampleRing(2, 2);
        assertThrows(IllegalArgumentException.class, () -> ring.append(1, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new SampleRing(0, 1));
    }
}
