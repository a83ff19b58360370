package org.vireo.resources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sizes, rates and percentages as the user reads them: binary units named in the bundle's language ("GiB", "Gio"),
 * numbers with that language's decimal separator ("1.5", "1,5").
 */
public final class Units {
    private static final String[] SIZES = {"unit.kib", "unit.mib", "unit.gib", "unit.tib"};
    private static final String[] RATES = {"unit.bps", "unit.kibps", "unit.mibps", "unit.gibps"};
    /** Sizes from here on (2^53 KiB) are no longer exact as doubles; they take the decimal path. */
    private static final long EXACT_KIB = 1L << 53;
    /** Stands for the number while a unit's pattern is filled in once (a private-use character). */
    private static final String NUMBER = "\uE000";
    private final Messages messages;
    /** Each unit's pattern filled in with {@link #NUMBER}, by bundle key, on first use. */
    private final Map<String, String> templates = new ConcurrentHashMap<>();
    private final Locale locale;
    private final char zeroDigit;
    private final char decimalSeparator;

    public Units(Messages messages) {
        this.messages = messages;
        this.locale = messages.bundle().getLocale();
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.zeroDigit = symbols.getZeroDigit();
        this.decimalSeparator = symbols.getDecimalSeparator();
    }

    /**
     * A size given in KiB in the largest unit under 1024 ("512 MiB", "1.5 GiB"); empty for none. Counted in whole
     * numbers: a size over a power of 1024 is exact, so rounding it half up gives what String.format gives for the
     * same double, without the decimal conversions (the tree formats a size for every VM row it shows).
     */
    public String kib(long kib) {
        if (kib <= 0) {
            return "";
        } else if (kib >= EXACT_KIB) {
            return scaled(kib, SIZES, (v, unit) -> v >= 100 || v == Math.rint(v) ? 0 : 1);
        }
        int unit = 0;
        long per = 1; // KiB in one of the unit
        while (unit < SIZES.length - 1 && kib >= per * 1024) {
            per *= 1024;
            unit++;
        }
        if (kib >= 100 * per || kib % per == 0) {
            return unit(SIZES[unit], localized(Long.toString((2 * kib + per) / (2 * per))));
        }
        long tenths = (20 * kib + per) / (2 * per);
        return unit(SIZES[unit], localized(tenths / 10 + "." + tenths % 10));
    }

    /** A size given in bytes, as {@link #kib}. */
    public String bytes(long bytes) {
        return kib(bytes / 1024);
    }

    /** A size given in KiB, always in GiB with one decimal ("3.5 GiB"). */
    public String gib(long kib) {
        return unit("unit.gib", number(kib / 1024.0 / 1024.0, 1));
    }

    /** Bytes per second in the largest unit under 1024 ("512 B/s", "1.5 KiB/s"). */
    public String bytesPerSecond(double value) {
        if (Double.isNaN(value)) {
            return "\u2013";
        }
        return scaled(value, RATES, (v, unit) -> v >= 100 || unit == 0 ? 0 : 1);
    }

    /** "6.3 %" under ten, "42 %" above. */
    public String percent(double value) {
        if (Double.isNaN(value)) {
            return "\u2013";
        }
        return unit("unit.percent", number(value, value < 10 ? 1 : 0));
    }

    /** How many decimals a value shows once scaled to its unit. */
    private interface Decimals {
        int of(double scaled, int unit);
    }

    private String scaled(double value, String[] units, Decimals decimals) {
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit(units[unit], number(v, decimals.of(v, unit)));
    }

    /**
     * {@code number} in unit {@code key}'s pattern ("{0} GiB"), as {@link Messages#get} fills it in. Each pattern is
     * filled in once, with a mark where the number goes: the tree shows thousands of figures, and a MessageFormat per
     * figure parsed its pattern each time.
     */
    private String unit(String key, String number) {
        return templates.computeIfAbsent(key, k -> messages.get(k, NUMBER)).replace(NUMBER, number);
    }

    /**
     * What {@code String.format(locale, "%.1f", value)} gives (rounded half up from the shortest decimal form), built
     * without it: the host tree and the graphs format thousands of figures a second, and each String.format call
     * parsed its pattern and built the locale's symbols anew.
     */
    private String number(double value, int decimals) {
        if (!Double.isFinite(value) || value < 0) {
            return String.format(locale, decimals == 0 ? "%.0f" : "%.1f", value);
        }
        return localized(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
    }

    /** {@code plain} ("12.5") in the language's digits and decimal separator. */
    private String localized(String plain) {
        StringBuilder local = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            local.append(c == '.' ? decimalSeparator : c >= '0' && c <= '9' ? (char) (zeroDigit + (c - '0')) : c);
        }
        return local.toString();
    }
}
