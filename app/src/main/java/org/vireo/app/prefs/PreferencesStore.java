package org.vireo.app.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.vireo.connections.store.VersionedJsonFile;

/**
 * {@code preferences.json}, beside {@code connections.json} and kept the same way ({@link VersionedJsonFile}:
 * migrations, atomic writes with a .bak copy, an unreadable file set aside, a newer one left alone).
 */
public final class PreferencesStore {
    public static final String FILE_NAME = "preferences.json";

    /** What load found: the preferences to use (defaults when there were none) and a problem to report. */
    public record Loaded(Preferences preferences, Optional<String> problem) {
    }

    private final VersionedJsonFile file;

    public PreferencesStore(Path configDir) {
        this(configDir, Clock.systemDefaultZone());
    }

    PreferencesStore(Path configDir, Clock clock) {
        this.file = new VersionedJsonFile(configDir, FILE_NAME, "preferences", PreferencesMigrations.SCHEMA, clock);
    }

    public Path file() {
        return file.file();
    }

    /** Never throws: an unusable file gives the defaults and a message saying where it went and why. */
    public Loaded load() {
        VersionedJsonFile.Loaded<Preferences> loaded = file.load(Preferences.class);
        return new Loaded(loaded.value().orElseGet(Preferences::defaults), loaded.problem());
    }

    public void save(Preferences preferences) throws IOException {
        file.save(preferences);
    }
}
