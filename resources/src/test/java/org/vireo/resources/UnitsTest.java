package org.vireo.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitsTest {
    private final Units english = new Units(new Messages(Locale.ROOT));
    private final Units french = new Units(new Messages(Locale.FRENCH));

    @Test
    void sizesInEnglishKeepBinaryUnitsAndADecimalPoint() {
        assertEquals("512 KiB", english.kib(512));
        assertEquals("1.5 MiB", english.kib(1536));
        assertEquals("2 GiB", english.kib(2L * 1024 * 1024));
        assertEquals("128 GiB", english.kib(128L * 1024 * 1024));
        assertEquals("1.2 TiB", english.kib(1_300_000_000L));
        assertEquals("", english.kib(0));
        assertEquals("3.5 GiB", english.gib(3_670_016));
        assertEquals("100 GiB", english.bytes(100L * 1024 * 1024 * 1024));
    }

    @Test
    void sizesInFrenchUseOctetsAndADecimalComma() {
        assertEquals("512\u00a0Kio", french.kib(512));
        assertEquals("1,5\u00a0Mio", french.kib(1536));
        assertEquals("2\u00a0Gio", french.kib(2L * 1024 * 1024));
        assertEquals("1,2\u00a0Tio", french.kib(1_300_000_000L));
        assertEquals("3,5\u00a0Gio", french.gib(3_670_016));
        assertEquals("100\u00a0Gio", french.bytes(100L * 1024 * 1024 * 1024));
    }

    @Test
    void ratesAndPercentages() {
        assertEquals("512 B/s", english.bytesPerSecond(512));
        assertEquals("1.5 KiB/s", english.bytesPerSecond(1536));
        assertEquals("512\u00a0o/s", french.bytesPerSecond(512));
        assertEquals("1,5\u00a0Kio/s", french.bytesPerSecond(1536));
        assertEquals("6.3 %", english.percent(6.25));
        assertEquals("6,3\u00a0%", french.percent(6.25));
        assertEquals("\u2013", french.percent(Double.NaN));
    }

    @Test
    void aFrenchRegionUsesTheFrenchBundleAndComma() {
        assertEquals("1,5\u00a0Gio", new Units(new Messages(Locale.CANADA_FRENCH)).kib(1536L * 1024));
    }
}
