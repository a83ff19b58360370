package org.vireo.connections.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;


/**
 * The saved connections, {@code connections.json} in Vireo's config folder, kept safe by
 * {@link VersionedJsonFile} (atomic writes, a .bak copy, unreadable files set aside, newer files left alone).
 */
public final class ConnectionStore {
    public static final String FILE_NAME = "connections.json";

    /** The file layout of the current schema. */
    record StoreFile(int schemaVersion, List<ConnectionEntry> connections) {
    }

    private final VersionedJsonFile file;

    public ConnectionStore(Path configDir) {
        this(configDir, Clock.systemDefaultZone());
    }

    ConnectionStore(Path configDir, Clock clock) {
        this.file = new VersionedJsonFile(configDir, FILE_NAME, "saved connections", StoreMigrations.SCHEMA, clock);
    }

    /** {@code $XDG_CONFIG_HOME/vireo}, or {@code ~/.config/vireo} when the variable is unset or relative. */
    public static Path defaultConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("vireo");
    }

    public Path file() {
        return file.file();
    }

    public Path backupFile() {
        return file.backupFile();
    }

    /** Reads the saved connections; never throws, problems come back in the result. */
    public LoadResult load() {
        VersionedJsonFile.Loaded<StoreFile> loaded = file.load(StoreFile.class);
        List<ConnectionEntry> entries = loaded.value().map(StoreFile::connections).orElse(null);
        return new LoadResult(entries == null ? List.of() : entries, loaded.problem());
    }

    /**
     * Writes {@code entries} atomically (schema {@link StoreMigrations#CURRENT}), keeping the previous file as
     * {@code connections.json.bak}.
     *
     * @throws IOException when writing fails, or the file on disk must not be overwritten (a newer schema, or
     *                     a file load could not read and could not set aside)
     */
    public void save(List<ConnectionEntry> entries) throws IOException {
        file.save(new StoreFile(StoreMigrations.CURRENT, List.copyOf(entries)));
    }
}
