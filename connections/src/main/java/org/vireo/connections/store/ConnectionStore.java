package org.vireo.connections.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The saved connections, {@code connections.json} in Vireo's config folder.
 *
 * <p>Nothing saved is ever lost: an unreadable file is moved aside (not deleted) and reported; a file from
 * a newer Vireo is left alone and never overwritten; a save writes a temporary file, syncs it, keeps the
 * previous file as {@code connections.json.bak} and renames atomically.
 */
public final class ConnectionStore {
    public static final String FILE_NAME = "connections.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The file layout of the current schema. */
    record StoreFile(int schemaVersion, List<ConnectionEntry> connections) {
    }

    private final Path dir;
    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    /** Set when load found a file that must not be overwritten; save refuses with this message. */
    private String saveRefusal;

    public ConnectionStore(Path configDir) {
        this(configDir, Clock.systemDefaultZone());
    }

    ConnectionStore(Path configDir, Clock clock) {
        this.dir = Objects.requireNonNull(configDir, "configDir");
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    /** {@code $XDG_CONFIG_HOME/vireo}, or {@code ~/.config/vireo} when the variable is unset or relative. */
    public static Path defaultConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("vireo");
    }

    public Path file() {
        return file;
    }

    public Path backupFile() {
        return dir.resolve(FILE_NAME + ".bak");
    }

    /** Reads the saved connections; never throws, problems come back in the result. */
    public synchronized LoadResult load() {
        saveRefusal = null;
        if (!Files.exists(file)) {
            return new LoadResult(List.of(), Optional.empty());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            saveRefusal = "Cannot read the saved connections in " + file + ": " + e.getMessage()
                    + ". Vireo will not overwrite that file.";
            return problem(saveRefusal);
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return setAside(describe(e));
        } catch (IOException e) {
            return setAside(e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return setAside("the file is empty");
        }
        if (!root.isObject()) {
            return setAside("it is not a JSON object");
        }
        int version = StoreMigrations.versionOf(root);
        if (version > StoreMigrations.CURRENT) {
            saveRefusal = newerMessage(version);
            return problem(saveRefusal);
        }
        if (version < 1) {
            return setAside("it has no schema version");
        }
        try {
            StoreFile current = mapper.treeToValue(StoreMigrations.toCurrent(root), StoreFile.class);
            return new LoadResult(current.connections() == null ? List.of() : current.connections(), Optional.empty());
        } catch (StoreMigrations.StoreFormatException e) {
            return setAside(e.getMessage());
        } catch (JsonProcessingException e) {
            return setAside(describe(e));
        }
    }

    /**
     * Writes {@code entries} atomically (schema {@value StoreMigrations#CURRENT}), keeping the previous file as
     * {@code connections.json.bak}.
     *
     * @throws IOException when writing fails, or the file on disk must not be overwritten (a newer schema, or
     *                     a file load could not read and could not set aside)
     */
    public synchronized void save(List<ConnectionEntry> entries) throws IOException {
        if (saveRefusal != null) {
            throw new IOException(saveRefusal);
        }
        int onDisk = versionOnDisk();
        if (onDisk > StoreMigrations.CURRENT) {
            throw new IOException(newerMessage(onDisk));
        }
        byte[] json = mapper.writeValueAsBytes(new StoreFile(StoreMigrations.CURRENT, List.copyOf(entries)));
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
        try {
            writeSynced(temp, json);
            if (Files.exists(file)) {
                keepBackup();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies the current file to .bak through its own temp file, so a crash never leaves a half backup. */
    private void keepBackup() throws IOException {
        Path temp = Files.createTempFile(dir, FILE_NAME + ".bak.", ".tmp");
        try {
            writeSynced(temp, Files.readAllBytes(file));
            Files.move(temp, backupFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeSynced(Path target, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened, hence "where possible". */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data file itself is already synced; only the rename's durability depends on this.
            System.getLogger(ConnectionStore.class.getName())
                    .log(System.Logger.Level.DEBUG, "cannot sync directory " + dir + ": " + e);
        }
    }

    /** The schema version of the file currently on disk; -1 when absent or unreadable. */
    private int versionOnDisk() {
        if (!Files.exists(file)) {
            return -1;
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            return root == null ? -1 : StoreMigrations.versionOf(root);
        } catch (IOException e) {
            return -1; // unreadable content was already set aside by load(), or is ours to replace
        }
    }

    private LoadResult setAside(String detail) {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path target = dir.resolve(FILE_NAME + ".corrupt-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(FILE_NAME + ".corrupt-" + stamp + "-" + n);
        }
        try {
            Files.move(file, target);
        } catch (FileAlreadyExistsException e) {
            return setAside(detail); // raced with another set-aside in the same second: pick the next name
        } catch (IOException e) {
            saveRefusal = "The saved connections in " + file + " could not be read (" + detail
                    + ") and could not be moved aside (" + e.getMessage() + "). Vireo will not overwrite that file.";
            return problem(saveRefusal);
        }
        return problem("The saved connections in " + file + " could not be read (" + detail + "). The file was moved to "
                + target + " and Vireo starts without saved connections.");
    }

    private String newerMessage(int version) {
        return "The saved connections in " + file + " use schema version " + version
                + ", newer than this Vireo understands (" + StoreMigrations.CURRENT
                + "). They are left untouched and changes to connections cannot be saved; use a newer Vireo.";
    }

    private static LoadResult problem(String message) {
        return new LoadResult(List.of(), Optional.of(message));
    }

    /** Jackson's message without its source excerpt, prefixed by line and column when known. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        String first = message == null ? e.getClass().getSimpleName() : newline >= 0 ? message.substring(0, newline) : message;
        JsonLocation where = e.getLocation();
        if (where != null && where.getLineNr() > 0) {
            return "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + first;
        }
        return first;
    }
}
