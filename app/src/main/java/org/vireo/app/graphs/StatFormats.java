package org.vireo.app.graphs;

import java.util.Locale;
import java.util.function.DoubleFunction;
import org.vireo.app.main.Formats;

/** How graph values read: CPU in percent, memory in binary units, I/O in bytes per second. */
final class StatFormats {
    static final DoubleFunction<String> PERCENT = v -> Double.isNaN(v) ? "–"
            : String.format(Locale.ROOT, v < 10 ? "%.1f %%" : "%.0f %%", v);
    static final DoubleFunction<String> KIB = v -> Double.isNaN(v) ? "–" : v <= 0 ? "0" : Formats.kib((long) v);
    static final DoubleFunction<String> BYTES_PER_SECOND = StatFormats::bytesPerSecond;

    private StatFormats() {
    }

    static String bytesPerSecond(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String[] units = {"B/s", "KiB/s", "MiB/s", "GiB/s"};
        int unit = 0;
        double v = value;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 || unit == 0 ? "%.0f %s" : "%.1f %s", v, units[unit]);
    }
}
