package org.vireo.connections.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ConnectionStore store() {
        return new ConnectionStore(dir, CLOCK);
    }

    private Path file() {
        return dir.resolve("connections.json");
    }

    private void write(String json) throws IOException {
        Files.writeString(file(), json, StandardCharsets.UTF_8);
    }

    private List<Path> corruptCopies() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("connections.json.corrupt-")).toList();
        }
    }

    @Test
    void missingFileMeansNoConnectionsAndNoProblem() {
        LoadResult result = store().load();
        assertEquals(List.of(), result.entries());
        assertEquals(Optional.empty(), result.problem());
    }

    @Test
    void roundTripKeepsEveryField() throws IOException {
        List<ConnectionEntry> entries = List.of(
                new ConnectionEntry("a1", "qemu+ssh://root@host-a/system", "Host A", "Rack 1", true, false, "jump@bastion:2222"),
                new ConnectionEntry("b2", "test:///default", null, null, false, true, null));
        store().save(entries);

        LoadResult result = store().load();
        assertEquals(entries, result.entries());
        assertEquals(Optional.empty(), result.problem());
        String json = Files.readString(file());
        assertTrue(json.contains("\"schemaVersion\" : 2"), json);
        assertFalse(json.contains("displayName"), "derived values are not stored: " + json);
    }

    @Test
    void savesIntoAFolderThatDoesNotExistYet() throws IOException {
        ConnectionStore nested = new ConnectionStore(dir.resolve("a/b/vireo"), CLOCK);
        nested.save(List.of(ConnectionEntry.of("qemu:///system")));
        assertEquals(1, nested.load().entries().size());
    }

    @Test
    void secondSaveKeepsThePreviousFileAsBackupAndLeavesNoTempFiles() throws IOException {
        ConnectionStore store = store();
        store.save(List.of(new ConnectionEntry("one", "qemu:///system", null, null, false, false, null)));
        byte[] first = Files.readAllBytes(file());
        store.save(List.of(new ConnectionEntry("two", "test:///default", null, null, false, false, null)));

        assertArrayEquals(first, Files.readAllBytes(dir.resolve("connections.json.bak")));
        assertEquals("two", store.load().entries().get(0).id());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("connections.json", "connections.json.bak"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        write("""
                {"schemaVersion": 2, "writtenBy": "vireo 9", "connections": [
                  {"id": "x", "uri": "qemu:///system", "autoconnect": true, "colour": "red"}]}
                """);
        LoadResult result = store().load();
        assertEquals(Optional.empty(), result.problem());
        assertEquals(List.of(new ConnectionEntry("x", "qemu:///system", null, null, true, false, null)), result.entries());
    }

    @Test
    void version1IsMigratedAndSavedBackOnlyOnTheNextSave() throws IOException {
        String v1 = """
                {"version":1,"uris":["qemu:///system","qemu+ssh://root@node/system","test:///default"],
                 "autoconnect":["qemu:///system"]}
                """;
        write(v1);
        ConnectionStore store = store();
        LoadResult result = store.load();

        assertEquals(Optional.empty(), result.problem());
        assertEquals(List.of("qemu:///system", "qemu+ssh://root@node/system", "test:///default"),
                result.entries().stream().map(ConnectionEntry::uri).toList());
        assertEquals(List.of(true, false, false), result.entries().stream().map(ConnectionEntry::autoconnect).toList());
        assertEquals(3, result.entries().stream().map(ConnectionEntry::id).distinct().count(), "ids are assigned and unique");
        assertEquals(v1, Files.readString(file()), "loading does not rewrite the file");

        store.save(result.entries());
        assertEquals(v1, Files.readString(dir.resolve("connections.json.bak")), "the v1 file is kept as .bak");
        assertTrue(Files.readString(file()).contains("\"schemaVersion\" : 2"));
        assertEquals(result.entries(), store().load().entries(), "ids survive the migration save");
    }

    @Test
    void maintenanceIsSavedOnlyWhenSetAndSurvivesTheRoundTrip() throws IOException {
        ConnectionEntry evacuated = new ConnectionEntry("m1", "qemu+ssh://root@host-m/system", "Host M", null, true,
                false, null).withMaintenance(true);
        ConnectionEntry normal = new ConnectionEntry("n1", "qemu:///system", null, null, false, false, null);
        store().save(List.of(evacuated, normal));

        List<ConnectionEntry> loaded = store().load().entries();
        assertEquals(List.of(evacuated, normal), loaded);
        assertTrue(loaded.get(0).maintenance());
        String json = Files.readString(file());
        assertEquals(1, json.split("\"maintenance\"", -1).length - 1, "written for the evacuated host only: " + json);
        assertTrue(json.contains("\"schemaVersion\" : 2"), "an optional field needs no new schema version: " + json);
        assertFalse(loaded.get(0).withMaintenance(false).maintenance());
        assertEquals("Rack", loaded.get(0).withGroup("Rack").group());
        assertTrue(loaded.get(0).withGroup("Rack").withAutoconnect(false).maintenance(), "other edits keep the flag");
    }

    /** Files written before the flag existed, in either schema, read as "no host in maintenance". */
    @Test
    void filesWithoutTheMaintenanceFieldMigrateToNotInMaintenance() throws IOException {
        write("{\"version\":1,\"uris\":[\"qemu:///system\"],\"autoconnect\":[]}");
        assertEquals(List.of(false), store().load().entries().stream().map(ConnectionEntry::maintenance).toList());

        write("""
                {"schemaVersion":2,"connections":[{"id":"x","uri":"qemu:///system","autoconnect":true,"readOnly":false}]}
                """);
        assertEquals(List.of(new ConnectionEntry("x", "qemu:///system", null, null, true, false, null, false)),
                store().load().entries());

        write("""
                {"schemaVersion":2,"connections":[{"id":"y","uri":"qemu:///system","maintenance":true}]}
                """);
        assertTrue(store().load().entries().get(0).maintenance());
    }

    @Test
    void version1AutoconnectUriMissingFromUrisIsStillKept() throws IOException {
        write("{\"version\":1,\"uris\":[],\"autoconnect\":[\"qemu:///system\"]}");
        List<ConnectionEntry> entries = store().load().entries();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).autoconnect());
    }

    @Test
    void corruptFileIsSetAsideWithItsBytesAndAClearMessage() throws IOException {
        String bad = "{\"schemaVersion\": 2,\n \"connections\": [ {\"id\": \"a\", \"uri\": \"qemu:///system\" ,, ]}";
        write(bad);

        LoadResult result = store().load();

        assertEquals(List.of(), result.entries());
        Path copy = dir.resolve("connections.json.corrupt-20260304-050607");
        String message = result.problem().orElseThrow();
        assertTrue(message.contains(file().toString()), message);
        assertTrue(message.contains("line 2, column"), message);
        assertTrue(message.contains(copy.toString()), message);
        assertEquals(bad, Files.readString(copy), "the bad bytes are preserved");
        assertFalse(Files.exists(file()));
    }

    @Test
    void corruptFilesSetAsideTwiceInTheSameSecondKeepBoth() throws IOException {
        write("{");
        store().load();
        write("[1, 2]");
        String message = store().load().problem().orElseThrow();
        assertTrue(message.contains("not a JSON object"), message);
        assertEquals(2, corruptCopies().size());
    }

    @Test
    void contentThatDoesNotFitTheSchemaIsSetAside() throws IOException {
        write("{\"schemaVersion\": 2, \"connections\": [{\"uri\": \"qemu:///system\"}]}");
        LoadResult missingId = store().load();
        assertTrue(missingId.problem().orElseThrow().contains("could not be read"), missingId.problem().get());
        write("{\"connections\": []}");
        assertTrue(store().load().problem().orElseThrow().contains("no schema version"));
        write("");
        assertTrue(store().load().problem().orElseThrow().contains("empty"));
        write("{\"version\": 1, \"uris\": \"qemu:///system\"}");
        assertTrue(store().load().problem().orElseThrow().contains("\"uris\" must be a list"));
        assertEquals(4, corruptCopies().size());
    }

    @Test
    void afterSettingAsideASaveWorksAndTheCopyStays() throws IOException {
        write("garbage");
        ConnectionStore store = store();
        store.load();
        store.save(List.of(ConnectionEntry.of("qemu:///system")));
        assertEquals(1, store.load().entries().size());
        assertEquals("garbage", Files.readString(corruptCopies().get(0)));
    }

    @Test
    void newerSchemaIsRefusedLeftInPlaceAndNeverOverwritten() throws IOException {
        String newer = "{\"schemaVersion\": 3, \"connections\": [], \"groups\": []}";
        write(newer);
        ConnectionStore store = store();

        LoadResult result = store.load();
        String message = result.problem().orElseThrow();
        assertTrue(message.contains("schema version 3"), message);
        assertTrue(message.contains(file().toString()), message);
        assertEquals(List.of(), result.entries());

        IOException refused = assertThrows(IOException.class, () -> store.save(List.of(ConnectionEntry.of("qemu:///system"))));
        assertTrue(refused.getMessage().contains("schema version 3"), refused.getMessage());
        // Even a store that never loaded must not destroy it.
        assertThrows(IOException.class, () -> store().save(List.of()));
        assertEquals(newer, Files.readString(file()));
        assertEquals(List.of(), corruptCopies());
    }

    @Test
    void defaultConfigDirEndsInVireo() {
        assertEquals("vireo", ConnectionStore.defaultConfigDir().getFileName().toString());
        assertTrue(ConnectionStore.defaultConfigDir().isAbsolute());
    }
}
