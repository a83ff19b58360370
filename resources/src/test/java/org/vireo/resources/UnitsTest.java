package org.vireo.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitsTest {
    private final Units english = new Units(new Messages(Locale.ROOT));
    private final Units french = new Units(new Messages(Locale.FRENCH));

    /** Each size (KiB) as it reads in English and in French. */
    @Test
    void sizesUseBinaryUnitsInEachLanguageWithItsDecimalSeparator() {
        Object[][] rows = {
                {512L, "512 KiB", "512\u00a0Kio"},
                {1536L, "1.5 MiB", "1,5\u00a0Mio"},
                {2L * 1024 * 1024, "2 GiB", "2\u00a0Gio"},
                {128L * 1024 * 1024, "128 GiB", "128\u00a0Gio"},
                {1_300_000_000L, "1.2 TiB", "1,2\u00a0Tio"},
                {0L, "", ""},
        };
        for (Object[] row : rows) {
            long kib = (Long) row[0];
            assertEquals(row[1], english.kib(kib), "English " + kib);
            assertEquals(row[2], french.kib(kib), "French " + kib);
        }
        assertEquals("3.5 GiB", english.gib(3_670_016));
        assertEquals("3,5\u00a0Gio", french.gib(3_670_016));
        assertEquals("100 GiB", english.bytes(100L * 1024 * 1024 * 1024));
        assertEquals("100\u00a0Gio", french.bytes(100L * 1024 * 1024 * 1024));
    }

    @Test
    void ratesAndPercentages() {
        assertEquals("512 B/s", english.bytesPerSecond(512));
        assertEquals("1.5 KiB/s", english.bytesPerSecond(1536));
        assertEquals("512\u00a0o/s", french.bytesPerSecond(512));
        assertEquals("1,5\u00a0Kio/s", french.bytesPerSecond(1536));
        assertEquals("1.5 MiB/s", english.bytesPerSecond(1536 * 1024));
        assertEquals("2,0\u00a0Gio/s", french.bytesPerSecond(2.0 * 1024 * 1024 * 1024));
        assertEquals("6.3 %", english.percent(6.25));
        assertEquals("6,3\u00a0%", french.percent(6.25));
        assertEquals("\u2013", french.percent(Double.NaN));
    }

    /** Figures read as String.format printed them, ties and all (half up from the shortest decimal form). */
    @Test
    void figuresRoundAsStringFormatDoes() {
        double[] values = {0, 0.04, 0.05, 0.25, 0.95, 1.45, 2.5, 6.25, 9.94, 9.95, 9.96, 10.5, 99.5, 100.49, 1023.95,
                12345.55, 1e9 + 0.5, Double.MIN_VALUE, -0.04, -3.25, Double.POSITIVE_INFINITY};
        for (double v : values) {
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.FRENCH}) {
                Messages messages = new Messages(locale);
                String expected = messages.get("unit.percent",
                        String.format(messages.bundle().getLocale(), v < 10 ? "%.1f" : "%.0f", v));
                assertEquals(expected, new Units(messages).percent(v), locale + " " + v);
            }
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double v = random.nextInt(1_000_000) / 1000.0 + (random.nextBoolean() ? 0 : random.nextDouble() / 1e6);
            String expected = String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v) + " %";
            assertEquals(expected, english.percent(v), Double.toString(v));
        }
    }

    /** Sizes read as String.format printed them from the KiB over the unit, ties and huge sizes included. */
    @Test
    void sizesRoundAsStringFormatDoes() {
        java.util.Random random = new java.util.Random(11);
        List<Long> sizes = new java.util.ArrayList<>(List.of(1L, 1023L, 1024L, 1126L, 1178L, 1280L, 102_348L, 102_400L,
                1_048_575L, 1_048_576L, 1L << 52, (1L << 53) - 1, 1L << 53, Long.MAX_VALUE));
        for (int i = 0; i < 100_000; i++) {
            sizes.add(1 + (random.nextLong() >>> (1 + random.nextInt(62))));
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        for (long kib : sizes) {
            double v = kib;
            int unit = 0;
            while (v >= 1024 && unit < units.length - 1) {
                v /= 1024;
                unit++;
            }
            String expected = String.format(Locale.ROOT, v >= 100 || v == Math.rint(v) ? "%.0f" : "%.1f", v)
                    + " " + units[unit];
            assertEquals(expected, english.kib(kib), kib + " KiB");
        }
    }

    @Test
    void aFrenchRegionUsesTheFrenchBundleAndComma() {
        assertEquals("1,5\u00a0Gio", new Units(new Messages(Locale.CANADA_FRENCH)).kib(1536L * 1024));
    }
}
