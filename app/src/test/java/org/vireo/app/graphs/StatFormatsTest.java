package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatFormatsTest {
    @Test
    void percentKeepsOneDecimalForSmallValues() {
        assertEquals("6.3 %", StatFormats.PERCENT.apply(6.25));
        assertEquals("42 %", StatFormats.PERCENT.apply(42.4));
        assertEquals("–", StatFormats.PERCENT.apply(Double.NaN));
    }

    @Test
    void ratesUseBinaryUnitsPerSecond() {
        assertEquals("512 B/s", StatFormats.bytesPerSecond(512));
        assertEquals("1.5 KiB/s", StatFormats.bytesPerSecond(1536));
        assertEquals("2.0 MiB/s", StatFormats.bytesPerSecond(2 * 1024 * 1024));
        assertEquals("–", StatFormats.bytesPerSecond(Double.NaN));
    }

    @Test
    void memoryInKibReadsAsTheTreeShowsIt() {
        assertEquals("1 GiB", StatFormats.KIB.apply(1024 * 1024));
        assertEquals("–", StatFormats.KIB.apply(Double.NaN));
    }
}
