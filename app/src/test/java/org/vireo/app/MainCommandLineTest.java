package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.cli.CliEnvironment;

/** The one entry point's own options: help, version, misuse, and a store that cannot be read. */
class MainCommandLineTest {
    @TempDir
    Path dir;

    private CliEnvironment env() {
        return CliRun.environment(dir, dir.resolve("home"), Duration.ofSeconds(5));
    }

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.run(env(), "--help");
        assertEquals(0, run.exit(), run.toString());
        for (String command : new String[] {"vireo list", "vireo import", "vireo export", "--connect URI", "--version"}) {
            assertTrue(run.out().contains(command), "help mentions " + command + ":\n" + run);
        }
    }

    @Test
    void versionPrintsOneLine() {
        CliRun run = CliRun.run(env(), "--version");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("vireo "), run.toString());
        assertEquals(1, run.out().lines().count(), run.toString());
    }

    @Test
    void misuseExitsWith2AndSaysWhat() {
        CliRun unknownOption = CliRun.run(env(), "--frobnicate");
        assertEquals(2, unknownOption.exit(), unknownOption.toString());
        assertTrue(unknownOption.err().contains("unknown option: --frobnicate"), unknownOption.toString());

        CliRun unknownCommand = CliRun.run(env(), "frobnicate");
        assertEquals(2, unknownCommand.exit(), unknownCommand.toString());
        assertTrue(unknownCommand.err().contains("unknown command 'frobnicate'"), unknownCommand.toString());

        CliRun connectWithoutUri = CliRun.run(env(), "--connect");
        assertEquals(2, connectWithoutUri.exit(), connectWithoutUri.toString());
    }

    @Test
    void exportOfACorruptStoreSaysSoAndChangesNothing() throws Exception {
        CliEnvironment environment = env();
        Path config = environment.paths().config();
        Files.createDirectories(config);
        Files.writeString(config.resolve("connections.json"), "{ not json");
        CliRun run = CliRun.run(environment, "export");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("connections.json"), run.toString());
        // The unreadable file was set aside, never deleted.
        try (var files = Files.list(config)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("connections.json.corrupt-")),
                    "the corrupt file is kept beside the store");
        }
    }
}
