package org.vireo.connections.domain;

import java.util.Locale;

/** libvirt's memory units (formatdomain: b, KB, k/KiB, MB, M/MiB, GB, G/GiB, TB, T/TiB, …) to KiB. */
public final class MemoryUnits {
    private MemoryUnits() {
    }

    /** {@code value} in {@code unit} (null = KiB) as KiB; -1 when the value is not a number. */
    public static long toKiB(String value, String unit) {
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
        String u = unit == null ? "kib" : unit.strip().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "b", "bytes" -> number / 1024;
            case "kb" -> number * 1000 / 1024;
            case "k", "kib" -> number;
            case "mb" -> number * 1_000_000 / 1024;
            case "m", "mib" -> number * 1024;
            case "gb" -> number * 1_000_000_000L / 1024;
            case "g", "gib" -> number * 1024 * 1024;
            case "tb" -> number * 1_000_000_000_000L / 1024;
            case "t", "tib" -> number * 1024L * 1024 * 1024;
            default -> -1;
        };
    }
}
