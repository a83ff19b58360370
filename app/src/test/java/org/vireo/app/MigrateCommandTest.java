package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vireo migrate: arguments are checked before any host is contacted. */
class MigrateCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(CliRun.environment(dir, dir.resolve("home"), Duration.ofSeconds(5)), args);
    }

    @Test
    void withoutDestinationItSaysWhatIsMissing() {
        CliRun r = run("migrate", "web1", "--from", "test:///default");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--from URI and --to URI are both needed"), r.toString());
    }

    @Test
    void aBandwidthThatIsNotANumberIsNamed() {
        CliRun r = run("migrate", "web1", "--from", "test:///default", "--to", "test:///default", "--bandwidth", "fast");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--bandwidth 'fast' is not a whole number of MiB/s"), r.toString());
    }

    @Test
    void tunnelledTakesNoMigrationUriAndUnknownOptionsAreRefused() {
        CliRun tunnelled = run("migrate", "web1", "--from", "test:///default", "--to", "test:///default", "--tunnelled",
                "--migrate-uri", "tcp://10.0.0.2");
        assertEquals(2, tunnelled.exit(), tunnelled.toString());
        assertTrue(tunnelled.err().contains("tunnelled migration takes no migration URI"), tunnelled.toString());
        CliRun unknown = run("migrate", "web1", "--from", "test:///default", "--to", "test:///default", "--fast");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown argument '--fast'"), unknown.toString());
    }

    @Test
    void anInvalidUriIsRefusedNamingIt() {
        CliRun r = run("migrate", "web1", "--from", "not a uri", "--to", "test:///default");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("not a uri"), r.toString());
    }

    @Test
    void aVmThatIsNotOnTheSourceFailsWithExit1() {
        CliRun r = run("migrate", "no-such-vm", "--from", "test:///default", "--to", "test:///default");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("no VM 'no-such-vm' on test:///default"), r.toString());
    }
}
