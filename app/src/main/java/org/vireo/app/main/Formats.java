package org.vireo.app.main;

import java.util.Locale;

/** Human-readable sizes, as virt-manager shows them (binary units). */
public final class Formats {
    private Formats() {
    }

    public static String kib(long kib) {
        if (kib <= 0) {
            return "";
        }
        double value = kib;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f %s", value, units[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
