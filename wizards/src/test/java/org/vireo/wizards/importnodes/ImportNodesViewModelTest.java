package org.vireo.wizards.importnodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.nodelist.Driver;
import org.vireo.connections.nodelist.NodeEntry;
import org.vireo.connections.nodelist.NodeListFormat;
import org.vireo.connections.nodelist.NodeStatus;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

class ImportNodesViewModelTest {
    private static final Messages EN = new Messages(Locale.ROOT);
    private static final String NODES = "# reserved\nn1.example.org\nn1.example.org\nroot@n2.example.org\nn3.example.org:2222\nbad host\n";

    @TempDir
    Path dir;

    private final List<String> saved = new ArrayList<>();

    private ImportNodesViewModel sameThreadModel() {
        return new ImportNodesViewModel(Runnable::run, Runnable::run, EN, () -> saved);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<String> uris(ImportNodesViewModel model) {
        return model.rows().stream().map(NodeEntry::uri).toList();
    }

    @Test
    void loadingAFileShowsThePreviewCountsAndTheAddLabel() throws IOException {
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(file("rack-7.txt", NODES));

        assertEquals(NodeListFormat.PLAIN, model.detectedFormatProperty().get());
        assertEquals(NodeListFormat.PLAIN, model.formatProperty().get());
        assertEquals("rack-7", model.groupProperty().get(), "the group defaults to the file name");
        assertEquals(List.of(2, 4, 5, 6), model.rows().stream().map(NodeEntry::line).toList());
        assertEquals("qemu+ssh://root@n2.example.org/system", model.rows().get(1).uri());
        assertEquals("invalid: host name 'bad host' contains a space", model.statusText(model.rows().get(3)));
        assertEquals(3, model.newCountProperty().get());
        assertEquals(1, model.invalidCountProperty().get());
        assertEquals(1, model.collapsedCountProperty().get());
        assertEquals("3 new, 0 already present, 0 duplicate, 1 invalid; 1 repeated line merged", model.countsTextProperty().get());
        assertTrue(model.addCommandEnabledProperty().get());
        assertEquals("Add 3 connections", model.addLabelProperty().get());
        List<ConnectionEntry> toAdd = model.entriesToAdd();
        assertEquals(3, toAdd.size());
        assertTrue(toAdd.stream().allMatch(e -> "rack-7".equals(e.group())));
    }

    @Test
    void changingAnOptionReparsesEveryRow() throws IOException {
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(file("nodes.txt", NODES));

        model.driverProperty().set(Driver.XEN);
        model.userProperty().set("admin");
        model.groupProperty().set("Grid");
        model.autoconnectProperty().set(true);
        model.readOnlyProperty().set(true);
        model.jumpProperty().set("jdoe@access.example.org");

        assertEquals("xen+ssh://admin@n1.example.org/", model.rows().get(0).uri());
        assertEquals("xen+ssh://root@n2.example.org/", model.rows().get(1).uri(), "the line's own user stays");
        ConnectionEntry first = model.entriesToAdd().get(0);
        assertEquals("Grid", first.group());
        assertTrue(first.autoconnect());
        assertTrue(first.readOnly());
        assertEquals("jdoe@access.example.org", first.jumpHost());
    }

    @Test
    void aBadOptionMakesRowsInvalidAndDisablesAdd() throws IOException {
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(file("nodes.txt", "n1\n"));

        model.userProperty().set("root;reboot");

        assertEquals(NodeStatus.INVALID, model.rows().get(0).status());
        assertFalse(model.addCommandEnabledProperty().get());
        assertEquals("Add no connections", model.addLabelProperty().get());
    }

    @Test
    void savedHostsAreShownAsPresentAndNotAdded() throws IOException {
        saved.add("qemu+ssh://N1.example.org/system");
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(file("nodes.txt", NODES));

        assertEquals(NodeStatus.ALREADY_PRESENT, model.rows().get(0).status());
        assertEquals("already present", model.statusText(model.rows().get(0)));
        assertEquals(1, model.presentCountProperty().get());
        assertEquals("Add 2 connections", model.addLabelProperty().get());
    }

    @Test
    void choosingAnotherFormatKeepsTheDetectedOne() throws IOException {
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(file("list.txt", "qemu+ssh://n1/system\nn2\n"));
        assertEquals(NodeListFormat.URIS, model.detectedFormatProperty().get());
        assertEquals(1, model.invalidCountProperty().get(), "a URI list refuses a bare host");

        model.formatProperty().set(NodeListFormat.PLAIN);

        assertEquals(NodeListFormat.URIS, model.detectedFormatProperty().get());
        assertEquals(List.of("qemu+ssh://n1/system", "qemu+ssh://n2/system"), uris(model));
        assertEquals("Add 2 connections", model.addLabelProperty().get());
    }

    @Test
    void readingAndParsingHappenOnTheBackgroundExecutorAndResultsComeBackThroughTheUiThread() throws IOException {
        Deque<Runnable> io = new ArrayDeque<>();
        Deque<Runnable> ui = new ArrayDeque<>();
        ImportNodesViewModel model = new ImportNodesViewModel(io::add, ui::add, EN, () -> saved);

        model.loadFile(file("nodes.txt", NODES));
        assertTrue(model.loadingProperty().get());
        assertEquals(1, io.size(), "the file is read in the background");
        assertTrue(ui.isEmpty());
        io.poll().run();
        assertEquals(List.of(), model.rows(), "nothing changes until the UI thread takes the result");
        ui.poll().run();
        assertFalse(model.loadingProperty().get());
        io.poll().run();
        ui.poll().run();
        assertEquals(4, model.rows().size());

        model.userProperty().set("first");
        model.userProperty().set("second");
        Runnable older = io.poll();
        io.poll().run();
        older.run();
        ui.poll().run();
        ui.poll().run(); // the older parse ends last: it must not win
        assertEquals("qemu+ssh://second@n1.example.org/system", model.rows().get(0).uri());
    }

    @Test
    void anUnknownCsvColumnIsShownAsAProblemOfTheFile() throws IOException {
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(file("hosts.csv", "host,user,rack\nn1,root,A1\n"));

        assertEquals(NodeListFormat.CSV, model.detectedFormatProperty().get());
        assertEquals(List.of("line 1: unknown column 'rack' (column 3) is not imported; known columns: host, user, port, driver,"
                + " jump, group, autoconnect, name, uri, readonly"), model.fileMessages());
    }

    @Test
    void aMissingFileIsReportedAndNothingCanBeAdded() {
        ImportNodesViewModel model = sameThreadModel();
        model.loadFile(dir.resolve("missing.txt"));

        assertTrue(model.loadErrorProperty().get().startsWith("Cannot read missing.txt: "), model.loadErrorProperty().get());
        assertFalse(model.loadingProperty().get());
        assertFalse(model.addCommandEnabledProperty().get());
        assertEquals(List.of(), model.entriesToAdd());
    }

    @Test
    void aBinaryFileShowsOneProblemAndNoRows() throws IOException {
        ImportNodesViewModel model = sameThreadModel();
        Path png = Files.write(dir.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        model.loadFile(png);

        assertEquals(List.of(), model.rows());
        assertEquals(List.of("this is a binary file (it contains NUL bytes), not a node list"), model.fileMessages());
        assertNull(model.loadErrorProperty().get());
        assertFalse(model.addCommandEnabledProperty().get());
    }
}
