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
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON file of Vireo's config folder with a schema version: the saved connections, the preferences.
 *
 * <p>Nothing saved is ever lost: an unreadable file is moved aside (not deleted) and reported; a file from
 * a newer Vireo is left alone and never overwritten; a save writes a temporary file, syncs it, keeps the
 * previous file as {@code <name>.bak} and renames atomically.
 */
public final class VersionedJsonFile {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One migration: content of version n (a copy, free to change) in the layout of version n + 1. */
    @FunctionalInterface
    public interface Step {
        ObjectNode apply(ObjectNode content) throws StoreMigrations.StoreFormatException;
    }

    /**
     * A file's versions: 1, then one more per step ({@code steps.get(0)} brings 1 to 2, and so on), so the current
     * version is {@code steps.size() + 1}.
     */
    public record Schema(List<Step> steps) {
        public Schema {
            steps = List.copyOf(steps);
        }

        /** The version this Vireo writes. */
        public int current() {
            return steps.size() + 1;
        }

        /** The file's declared version: "schemaVersion", or "version" in version 1 files; -1 for neither. */
        public int versionOf(JsonNode root) {
            JsonNode version = root.has("schemaVersion") ? root.get("schemaVersion") : root.get("version");
            return version != null && version.isIntegralNumber() && version.canConvertToInt() ? version.intValue() : -1;
        }

        /** The content of a file of version 1..current in the current layout (a new tree; root is not changed). */
        public ObjectNode toCurrent(JsonNode root) throws StoreMigrations.StoreFormatException {
            int version = versionOf(root);
            if (version < 1 || version > current()) {
                throw new StoreMigrations.StoreFormatException("unsupported schema version " + version);
            }
            ObjectNode tree = root.deepCopy();
            for (int from = version; from < current(); from++) {
                tree = steps.get(from - 1).apply(tree);
            }
            return tree;
        }
    }

    /**
     * What {@link #load} found.
     *
     * @param value   the content in the current layout; empty when there was no file or it could not be used
     * @param problem a message for the user naming the file, where it went and why; empty when all was fine
     */
    public record Loaded<T>(Optional<T> value, Optional<String> problem) {
        public Loaded {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(problem, "problem");
        }
    }

    private final Path dir;
    private final Path file;
    private final String what;
    private final Schema schema;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    /** Set when load found a file that must not be overwritten; save refuses with this message. */
    private String saveRefusal;

    /** @param what the content in words, for messages: "saved connections", "preferences" */
    public VersionedJsonFile(Path dir, String fileName, String what, Schema schema, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.file = dir.resolve(fileName);
        this.what = Objects.requireNonNull(what, "what");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    public Path backupFile() {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** Reads, migrates and binds the file to {@code type}; never throws, problems come back in the result. */
    public synchronized <T> Loaded<T> load(Class<T> type) {
        saveRefusal = null;
        if (!Files.exists(file)) {
            return new Loaded<>(Optional.empty(), Optional.empty());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            saveRefusal = "Cannot read the " + what + " in " + file + ": " + e.getMessage()
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
        int version = schema.versionOf(root);
        if (version > schema.current()) {
            saveRefusal = newerMessage(version);
            return problem(saveRefusal);
        }
        if (version < 1) {
            return setAside("it has no schema version");
        }
        try {
            return new Loaded<>(Optional.of(mapper.treeToValue(schema.toCurrent(root), type)), Optional.empty());
        } catch (StoreMigrations.StoreFormatException e) {
            return setAside(e.getMessage());
        } catch (JsonProcessingException e) {
            return setAside(describe(e));
        }
    }

    /**
     * Writes {@code content} (which carries the current schema version) atomically, keeping the previous file.
     *
     * @throws IOException when writing fails, or the file on disk must not be overwritten (a newer schema, or
     *                     a file load could not read and could not set aside)
     */
    public synchronized void save(Object content) throws IOException {
        if (saveRefusal != null) {
            throw new IOException(saveRefusal);
        }
        int onDisk = versionOnDisk();
        if (onDisk > schema.current()) {
            throw new IOException(newerMessage(onDisk));
        }
        byte[] json = mapper.writeValueAsBytes(content);
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
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
        Path temp = Files.createTempFile(dir, file.getFileName() + ".bak.", ".tmp");
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
            System.getLogger(VersionedJsonFile.class.getName())
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
            return root == null ? -1 : schema.versionOf(root);
        } catch (IOException e) {
            return -1; // unreadable content was already set aside by load(), or is ours to replace
        }
    }

    private <T> Loaded<T> setAside(String detail) {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        String name = file.getFileName() + ".corrupt-" + stamp;
        Path target = dir.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(name + "-" + n);
        }
        try {
            Files.move(file, target);
        } catch (FileAlreadyExistsException e) {
            return setAside(detail); // raced with another set-aside in the same second: pick the next name
        } catch (IOException e) {
            saveRefusal = "The " + what + " in " + file + " could not be read (" + detail
                    + ") and could not be moved aside (" + e.getMessage() + "). Vireo will not overwrite that file.";
            return problem(saveRefusal);
        }
        return problem("The " + what + " in " + file + " could not be read (" + detail + "). The file was moved to "
                + target + " and Vireo starts without them.");
    }

    private String newerMessage(int version) {
        return "The " + what + " in " + file + " use schema version " + version
                + ", newer than this Vireo understands (" + schema.current()
                + "). They are left untouched and changes to them cannot be saved; use a newer Vireo.";
    }

    private static <T> Loaded<T> problem(String message) {
        return new Loaded<>(Optional.empty(), Optional.of(message));
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
