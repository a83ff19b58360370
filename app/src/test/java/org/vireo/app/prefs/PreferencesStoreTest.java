package org.vireo.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.stats.StatGroup;
import org.vireo.vnc.fx.VncView;

class PreferencesStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private PreferencesStore store() {
        return new PreferencesStore(dir, CLOCK);
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve("preferences.json"), json, StandardCharsets.UTF_8);
    }

    private List<Path> setAside() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("preferences.json.corrupt-")).toList();
        }
    }

    @Test
    void noFileMeansDefaultsAndNoProblem() {
        PreferencesStore.Loaded loaded = store().load();
        assertEquals(Preferences.defaults(), loaded.preferences());
        assertEquals(Optional.empty(), loaded.problem());
        assertEquals(3, loaded.preferences().stats().intervalSeconds());
        assertEquals(Set.of(StatGroup.DISK, StatGroup.NETWORK), loaded.preferences().stats().collect());
    }

    @Test
    void everyFieldSurvivesASaveAndALoad() throws IOException {
        Preferences edited = Preferences.defaults()
                .withStats(new Preferences.Stats(7, 30, Set.of(StatGroup.NETWORK)))
                .withConsole(new Preferences.Console(VncView.ScaleMode.ONE_TO_ONE, VncView.GrabRelease.CTRL_ALT_SHIFT,
                        Preferences.KeyboardMode.GRAB_ON_OPEN))
                .withConfirmSilenced(Set.of("FORCE_OFF", "deleteSnapshot"))
                .withNewVm(new Preferences.NewVm("fast-ssd", "br-lan", "raw"))
                .withTheme(Preferences.Theme.DARK)
                .withLanguage(Preferences.Language.FRENCH);
        store().save(edited);
        assertEquals(edited, store().load().preferences());
        String json = Files.readString(store().file());
        assertTrue(json.contains("\"schemaVersion\" : 2"), json);
        store().save(Preferences.defaults());
        assertTrue(Files.exists(dir.resolve("preferences.json.bak")), "the previous file is kept");
    }

    @Test
    void version1IsMigratedWithItsHistoryTurnedFromSamplesIntoMinutes() throws IOException {
        write("""
                {"version": 1, "updateInterval": 5, "historyLength": 360, "diskPoll": false,
                 "consoleScaling": "1:1", "theme": "dark", "language": "fr", "dontAsk": ["FORCE_OFF"]}
                """);
        PreferencesStore.Loaded loaded = store().load();
        assertEquals(Optional.empty(), loaded.problem());
        Preferences p = loaded.preferences();
        assertEquals(5, p.stats().intervalSeconds());
        assertEquals(30, p.stats().historyMinutes(), "360 samples every 5 s are 30 minutes");
        assertEquals(Set.of(StatGroup.NETWORK), p.stats().collect(), "disk polling was off, network on by default");
        assertEquals(VncView.ScaleMode.ONE_TO_ONE, p.console().scaling());
        assertEquals(VncView.GrabRelease.CTRL_ALT, p.console().releaseKeys(), "new in v2: the default");
        assertEquals(Preferences.Theme.DARK, p.theme());
        assertEquals(Preferences.Language.FRENCH, p.language());
        assertEquals(Set.of("FORCE_OFF"), p.confirmSilenced());
        assertEquals(Preferences.NewVm.DEFAULT, p.newVm());
        assertTrue(Files.readString(store().file()).contains("\"version\": 1"), "a load alone does not rewrite the file");
    }

    @Test
    void brokenJsonIsSetAsideWithItsBytesAndTheDefaultsAreUsed() throws IOException {
        String broken = "{\"schemaVersion\": 2, \"theme\": ";
        write(broken);
        PreferencesStore.Loaded loaded = store().load();
        assertEquals(Preferences.defaults(), loaded.preferences());
        String message = loaded.problem().orElseThrow();
        assertTrue(message.contains("preferences") && message.contains("could not be read"), message);
        List<Path> copies = setAside();
        assertEquals(1, copies.size());
        assertTrue(message.contains(copies.get(0).toString()), "the message says where the file went: " + message);
        assertEquals(broken, Files.readString(copies.get(0)));
        assertFalse(Files.exists(store().file()));
        store().save(Preferences.defaults().withTheme(Preferences.Theme.DARK));
        assertEquals(Preferences.Theme.DARK, store().load().preferences().theme(), "saving works again afterwards");
    }

    @Test
    void impossibleValuesAreReportedNotHalfApplied() throws IOException {
        write("{\"schemaVersion\": 2, \"stats\": {\"intervalSeconds\": 0, \"historyMinutes\": 10}}");
        PreferencesStore.Loaded loaded = store().load();
        assertEquals(Preferences.defaults(), loaded.preferences());
        assertTrue(loaded.problem().orElseThrow().contains("stats interval must be 1 to 60 seconds"),
                loaded.problem().get());
        write("{\"version\": 1, \"consoleScaling\": \"huge\"}");
        assertTrue(store().load().problem().orElseThrow().contains("\"consoleScaling\" must be"));
        assertEquals(2, setAside().size());
    }

    @Test
    void aFileFromANewerVireoIsNeverOverwritten() throws IOException {
        write("{\"schemaVersion\": 9}");
        assertTrue(store().load().problem().orElseThrow().contains("schema version 9"));
        PreferencesStore store = store();
        store.load();
        assertThrows(IOException.class, () -> store.save(Preferences.defaults()));
        assertEquals("{\"schemaVersion\": 9}", Files.readString(store.file()));
    }

    @Test
    void partsCheckTheirValues() {
        assertThrows(IllegalArgumentException.class, () -> new Preferences.Stats(61, 10, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Preferences.Stats(3, 0, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Preferences.NewVm("my pool", "", "qcow2"));
        assertThrows(IllegalArgumentException.class, () -> new Preferences.NewVm("", "", "vmdk"));
        assertEquals("", new Preferences.NewVm(null, "  ", null).network());
    }
}
