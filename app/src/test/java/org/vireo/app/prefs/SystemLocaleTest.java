package org.vireo.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemLocaleTest {
    @Test
    void followsPosixPrecedence() {
        assertEquals(Optional.of(new Locale("fr", "FR")), SystemLocale.fromEnvironment(Map.of("LANG", "fr_FR.UTF-8")));
        assertEquals(Optional.of(new Locale("en", "GB")),
                SystemLocale.fromEnvironment(Map.of("LANG", "fr_FR.UTF-8", "LC_MESSAGES", "en_GB.UTF-8")));
        assertEquals(Optional.of(new Locale("fr", "BE")),
                SystemLocale.fromEnvironment(Map.of("LC_ALL", "fr_BE@euro", "LC_MESSAGES", "en_GB.UTF-8")));
        assertEquals(Optional.of(new Locale("fr")), SystemLocale.fromEnvironment(Map.of("LANG", "fr")));
    }

    @Test
    void cPosixAndNothingLeaveTheJvmDefault() {
        assertEquals(Optional.empty(), SystemLocale.fromEnvironment(Map.of("LANG", "C.UTF-8")));
        assertEquals(Optional.empty(), SystemLocale.fromEnvironment(Map.of("LC_ALL", "POSIX", "LANG", "fr_FR.UTF-8")));
        assertEquals(Optional.empty(), SystemLocale.fromEnvironment(Map.of()));
    }
}
