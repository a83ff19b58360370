package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vireo.resources.Messages;

class StatFormatsTest {
    private final StatFormats english = new StatFormats(new Messages(Locale.ROOT));
    private final StatFormats french = new StatFormats(new Messages(Locale.FRENCH));

    @Test
    void percentKeepsOneDecimalForSmallValues() {
        assertEquals("6.3 %", english.percent.apply(6.25));
        assertEquals("42 %", english.percent.apply(42.4));
        assertEquals("\u2013", english.percent.apply(Double.NaN));
        assertEquals("6,3\u00a0%", french.percent.apply(6.25));
        assertEquals("42\u00a0%", french.percent.apply(42.4));
    }

    @Test
    void ratesUseBinaryUnitsPerSecond() {
        assertEquals("512 B/s", english.bytesPerSecond.apply(512));
        assertEquals("1.5 KiB/s", english.bytesPerSecond.apply(1536));
        assertEquals("2.0 MiB/s", english.bytesPerSecond.apply(2 * 1024 * 1024));
        assertEquals("\u2013", english.bytesPerSecond.apply(Double.NaN));
        assertEquals("512\u00a0o/s", french.bytesPerSecond.apply(512));
        assertEquals("1,5\u00a0Kio/s", french.bytesPerSecond.apply(1536));
        assertEquals("2,0\u00a0Mio/s", french.bytesPerSecond.apply(2 * 1024 * 1024));
        assertEquals("3,5\u00a0Gio/s", french.bytesPerSecond.apply(3.5 * 1024 * 1024 * 1024));
    }

    @Test
    void memoryInKibReadsAsTheTreeShowsIt() {
        assertEquals("1 GiB", english.kib.apply(1024 * 1024));
        assertEquals("\u2013", english.kib.apply(Double.NaN));
        assertEquals("0", english.kib.apply(0));
        assertEquals("1\u00a0Gio", french.kib.apply(1024 * 1024));
        assertEquals("1,5\u00a0Tio", french.kib.apply(1.5 * 1024 * 1024 * 1024));
    }
}
