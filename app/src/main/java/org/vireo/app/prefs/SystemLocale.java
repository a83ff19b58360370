package org.vireo.app.prefs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The interface language the environment asks for, per POSIX: the first set of LC_ALL, LC_MESSAGES, LANG.
 * Read directly because the JVM takes it from the C library, which falls back to English when that locale
 * is not generated on the machine (a French LANG on a minimal system would otherwise show English).
 */
public final class SystemLocale {
    private SystemLocale() {
    }

    /** {@code fr_FR.UTF-8@euro} → fr-FR; empty for C, POSIX or nothing set. */
    public static Optional<Locale> fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return parse(value.strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> parse(String value) {
        String tag = value.replaceAll("[.@].*$", "");
        if (tag.equals("C") || tag.equals("POSIX") || !tag.matches("[a-zA-Z]{2,3}(_[a-zA-Z]{2})?")) {
            return Optional.empty();
        }
        String[] parts = tag.split("_");
        return Optional.of(parts.length == 2 ? new Locale(parts[0], parts[1]) : new Locale(parts[0]));
    }
}
