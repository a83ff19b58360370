package org.vireo.app.prefs;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vireo.connections.stats.StatGroup;
import org.vireo.connections.stats.StatsPoller;
import org.vireo.vnc.fx.VncView;

/**
 * The user's preferences, as saved in {@code preferences.json} (schema {@link PreferencesMigrations#CURRENT}).
 * Every part checks its values on construction, so a hand-edited file with an impossible value is reported
 * (and set aside) instead of half applied. Missing parts take their defaults.
 *
 * @param confirmSilenced kinds of confirmation the user said "don't ask again" to ({@code FORCE_OFF}, ...)
 */
public record Preferences(int schemaVersion, Stats stats, Console console, Set<String> confirmSilenced, NewVm newVm,
                          Theme theme, Language language) {
    public static final int MIN_HISTORY_MINUTES = 1;
    public static final int MAX_HISTORY_MINUTES = 60;

    public Preferences {
        schemaVersion = PreferencesMigrations.CURRENT;
        stats = stats == null ? Stats.DEFAULT : stats;
        console = console == null ? Console.DEFAULT : console;
        confirmSilenced = confirmSilenced == null ? Set.of() : Set.copyOf(new TreeSet<>(confirmSilenced));
        newVm = newVm == null ? NewVm.DEFAULT : newVm;
        theme = theme == null ? Theme.LIGHT : theme;
        language = language == null ? Language.SYSTEM : language;
    }

    public static Preferences defaults() {
        return new Preferences(PreferencesMigrations.CURRENT, null, null, null, null, null, null);
    }

    public Preferences withStats(Stats value) {
        return new Preferences(schemaVersion, value, console, confirmSilenced, newVm, theme, language);
    }

    public Preferences withConsole(Console value) {
        return new Preferences(schemaVersion, stats, value, confirmSilenced, newVm, theme, language);
    }

    public Preferences withConfirmSilenced(Set<String> value) {
        return new Preferences(schemaVersion, stats, console, value, newVm, theme, language);
    }

    public Preferences withNewVm(NewVm value) {
        return new Preferences(schemaVersion, stats, console, confirmSilenced, value, theme, language);
    }

    public Preferences withTheme(Theme value) {
        return new Preferences(schemaVersion, stats, console, confirmSilenced, newVm, value, language);
    }

    public Preferences withLanguage(Language value) {
        return new Preferences(schemaVersion, stats, console, confirmSilenced, newVm, theme, value);
    }

    /**
     * Stats polling. The interval applies at once; the history length when Vireo next starts (the sample rings
     * are sized once).
     */
    public record Stats(int intervalSeconds, int historyMinutes, Set<StatGroup> collect) {
        public static final Stats DEFAULT = new Stats((int) StatsPoller.DEFAULT_INTERVAL.toSeconds(), 10,
                EnumSet.allOf(StatGroup.class));

        public Stats {
            long min = StatsPoller.MIN_INTERVAL.toSeconds();
            long max = StatsPoller.MAX_INTERVAL.toSeconds();
            if (intervalSeconds < min || intervalSeconds > max) {
                throw new IllegalArgumentException("stats interval must be " + min + " to " + max + " seconds, was "
                        + intervalSeconds);
            }
            if (historyMinutes < MIN_HISTORY_MINUTES || historyMinutes > MAX_HISTORY_MINUTES) {
                throw new IllegalArgumentException("graph history must be " + MIN_HISTORY_MINUTES + " to "
                        + MAX_HISTORY_MINUTES + " minutes, was " + historyMinutes);
            }
            collect = collect == null ? EnumSet.allOf(StatGroup.class) : Set.copyOf(collect);
        }

        public Duration interval() {
            return Duration.ofSeconds(intervalSeconds);
        }

        public Duration history() {
            return Duration.ofMinutes(historyMinutes);
        }
    }

    /** What a console starts with; each console's toolbar still changes its own. */
    public record Console(VncView.ScaleMode scaling, VncView.GrabRelease releaseKeys, KeyboardMode keyboard) {
        public static final Console DEFAULT = new Console(VncView.ScaleMode.FIT, VncView.GrabRelease.CTRL_ALT,
                KeyboardMode.MANUAL_GRAB);

        public Console {
            scaling = scaling == null ? VncView.ScaleMode.FIT : scaling;
            releaseKeys = releaseKeys == null ? VncView.GrabRelease.CTRL_ALT : releaseKeys;
            keyboard = keyboard == null ? KeyboardMode.MANUAL_GRAB : keyboard;
        }

        /** Sets a new console's view up; its toolbar can still change scaling and grab afterwards. */
        public void applyTo(VncView view) {
            view.setScaleMode(scaling);
            view.grabReleaseProperty().set(releaseKeys);
            view.setGrab(keyboard == KeyboardMode.GRAB_ON_OPEN);
        }
    }

    /** Whether a console takes the keyboard as soon as it opens, or only when "Grab keyboard" is pressed. */
    public enum KeyboardMode { MANUAL_GRAB, GRAB_ON_OPEN }

    /**
     * The new-VM wizard's first choices, used when the chosen host has them; blank means the host's own default.
     *
     * @param diskFormat "qcow2" or "raw"
     */
    public record NewVm(String pool, String network, String diskFormat) {
        public static final Set<String> DISK_FORMATS = Set.of("qcow2", "raw");
        public static final NewVm DEFAULT = new NewVm("", "", "qcow2");

        public NewVm {
            pool = pool == null ? "" : pool.strip();
            network = network == null ? "" : network.strip();
            diskFormat = diskFormat == null || diskFormat.isBlank() ? "qcow2" : diskFormat.strip();
            if (!DISK_FORMATS.contains(diskFormat)) {
                throw new IllegalArgumentException("disk format must be qcow2 or raw, was '" + diskFormat + "'");
            }
            if (!isUsableName(pool) || !isUsableName(network)) {
                throw new IllegalArgumentException("pool and network names cannot contain '/' or spaces, were '"
                        + pool + "' and '" + network + "'");
            }
        }

        /** Blank (the host's default) or a name libvirt could have given a pool or network. */
        public static boolean isUsableName(String name) {
            String value = name == null ? "" : name.strip();
            return !value.contains("/") && value.chars().noneMatch(Character::isWhitespace);
        }
    }

    public enum Theme { LIGHT, DARK }

    /** The interface language; {@link #SYSTEM} follows the locale Vireo was started in. */
    public enum Language {
        SYSTEM(null), ENGLISH(Locale.ENGLISH), FRENCH(Locale.FRENCH);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        /** The chosen locale, empty for the system's. */
        public Optional<Locale> locale() {
            return Optional.ofNullable(locale);
        }
    }
}
