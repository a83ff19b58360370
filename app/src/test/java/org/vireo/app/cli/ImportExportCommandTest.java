package org.vireo.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.CommandLine;
import org.vireo.connections.store.ConnectionEntry;

class ImportExportCommandTest {
    private static final String NODES = """
            # reserved with oarsub
            n1.example.org
            n1.example.org
            root@n2.example.org
            [2001:db8::3]:2200
            """;

    @TempDir
    Path dir;

    private final InMemoryRepository repository = new InMemoryRepository();
    private String out;
    private String err;

    private int run(CliCommand command, String... args) {
        List<String> all = new ArrayList<>(List.of(command instanceof ImportCommand ? "import" : "export"));
        all.addAll(List.of(args));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = command.run(CommandLine.parse(all), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int importFile(String... args) {
        return run(new ImportCommand(repository), args);
    }

    private int export(String... args) {
        return run(new ExportCommand(repository), args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<String> savedUris() {
        return repository.load().stream().map(ConnectionEntry::uri).toList();
    }

    @Test
    void importPrintsEveryEntryAsJsonAndSavesTheNewOnes() throws IOException {
        int code = importFile(file("rack-7.txt", NODES).toString(), "--user", "admin", "--driver", "xen");

        assertEquals(0, code, err);
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals("plain", json.get("format").asText());
        assertEquals(3, json.get("added").asInt());
        assertEquals(1, json.get("collapsedRepeats").asInt());
        JsonNode first = json.get("entries").get(0);
        assertEquals(2, first.get("line").asInt());
        assertEquals("xen+ssh://admin@n1.example.org/", first.get("uri").asText());
        assertEquals("rack-7", first.get("group").asText(), "the group defaults to the file name");
        assertEquals("new", first.get("status").asText());
        assertEquals(List.of("xen+ssh://admin@n1.example.org/", "xen+ssh://root@n2.example.org/",
                "xen+ssh://admin@[2001:db8::3]:2200/"), savedUris());
    }

    @Test
    void importThenExportRoundTrips() throws IOException {
        assertEquals(0, importFile(file("nodes.txt", NODES).toString(), "--group", "Grid", "--jump", "jdoe@access.example.org"));
        List<ConnectionEntry> before = repository.load();

        assertEquals(0, export("--format", "csv"));
        Path csv = file("export.csv", out);
        InMemoryRepository other = new InMemoryRepository();
        assertEquals(0, run(new ImportCommand(other), csv.toString()), err);

        List<ConnectionEntry> after = other.load();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            ConnectionEntry a = before.get(i);
            ConnectionEntry b = after.get(i);
            assertEquals(List.of(a.uri(), a.group(), a.jumpHost(), a.autoconnect(), a.readOnly()),
                    List.of(b.uri(), b.group(), b.jumpHost(), b.autoconnect(), b.readOnly()));
        }
        assertEquals(0, export("--format=uris"));
        assertEquals(String.join("\n", savedUris()) + "\n", out);
        assertEquals(0, export("--format", "json"));
        assertEquals("Grid", new ObjectMapper().readTree(out).get("connections").get(0).get("group").asText());
    }

    @Test
    void dryRunSavesNothing() throws IOException {
        int code = importFile(file("nodes.txt", NODES).toString(), "--dry-run");

        assertEquals(0, code);
        assertEquals(0, repository.saves);
        JsonNode json = new ObjectMapper().readTree(out);
        assertTrue(json.get("dryRun").asBoolean());
        assertEquals(3, json.get("entries").size());
        assertTrue(err.contains("dry run, nothing saved"), err);
    }

    @Test
    void invalidLinesGiveExitOneButTheValidOnesAreAdded() throws IOException {
        Path bad = file("nodes.txt", "n1\nnode;reboot\nn2:70000\nn3\n");

        assertEquals(1, importFile(bad.toString()));

        assertEquals(List.of("qemu+ssh://n1/system", "qemu+ssh://n3/system"), savedUris());
        assertTrue(err.contains(bad + ":2: host name 'node;reboot' contains ';'"), err);
        assertTrue(err.contains(bad + ":3: port 70000 is out of range (1-65535)"), err);
        JsonNode invalid = new ObjectMapper().readTree(out).get("entries").get(1);
        assertEquals("invalid", invalid.get("status").asText());
        assertEquals("node;reboot", invalid.get("text").asText());
    }

    @Test
    void strictAddsNothingWhenALineIsInvalid() throws IOException {
        assertEquals(1, importFile(file("nodes.txt", "n1\nbad host\n").toString(), "--strict"));

        assertEquals(0, repository.saves);
        assertTrue(err.contains("nothing saved (--strict"), err);
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws IOException {
        Path nodes = file("nodes.txt", NODES);
        assertEquals(0, importFile(nodes.toString()));
        List<ConnectionEntry> first = repository.load();

        assertEquals(0, importFile(nodes.toString()));

        assertEquals(1, repository.saves, "the second import wrote nothing");
        assertEquals(first, repository.load());
        JsonNode json = new ObjectMapper().readTree(out);
        json.get("entries").forEach(e -> assertEquals("already-present", e.get("status").asText()));
    }

    @Test
    void unusableArgumentsGiveExitTwoAndSaveNothing() throws IOException {
        String nodes = file("nodes.txt", NODES).toString();

        assertEquals(2, importFile());
        assertTrue(err.contains("no file given"), err);
        assertEquals(2, importFile(nodes, "--bogus"));
        assertEquals(2, importFile(nodes, "--driver", "vmware"));
        assertTrue(err.contains("unknown driver 'vmware'"), err);
        assertEquals(2, importFile(nodes, "--format", "yaml"));
        assertEquals(2, importFile(nodes, "--user"));
        assertEquals(2, importFile(nodes, "--user", "a b"));
        assertTrue(err.contains("user name 'a b' contains a space"), err);
        assertEquals(2, importFile(nodes, "--jump", "gw;reboot"));
        assertEquals(2, importFile(dir.resolve("missing.txt").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, importFile(nodes, nodes));
        assertEquals(0, repository.saves);

        assertEquals(2, export("--format", "xml"));
        assertEquals(2, export("extra"));
    }

    @Test
    void formatCanBeForced() throws IOException {
        Path list = file("list.txt", "qemu+ssh://n1/system\nn2\n");

        assertEquals(1, importFile(list.toString(), "--dry-run"), "detected as a URI list: the bare host is invalid");
        assertEquals(0, importFile(list.toString(), "--dry-run", "--format", "plain"));
        assertEquals("plain", new ObjectMapper().readTree(out).get("format").asText());
    }
}
