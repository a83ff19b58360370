package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.cli.CliEnvironment;

/** {@code vireo list} without the test bed: arguments, local hosts, a host that never answers. */
class ListCommandTest {
    @TempDir
    Path dir;

    private CliEnvironment env(Duration timeout) {
        return CliRun.environment(dir, dir.resolve("home"), timeout);
    }

    @Test
    void badArgumentsExitWith2() {
        CliRun unknown = CliRun.run(env(Duration.ofSeconds(5)), "list", "--frobnicate");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("unknown argument '--frobnicate'"), unknown.toString());

        CliRun badUri = CliRun.run(env(Duration.ofSeconds(5)), "list", "--connect", "qemu+ssh://root@host name/system");
        assertEquals(2, badUri.exit(), badUri.toString());
        assertTrue(badUri.err().contains("contains a space"), badUri.toString());

        CliRun missing = CliRun.run(env(Duration.ofSeconds(5)), "list", "--connect");
        assertEquals(2, missing.exit(), missing.toString());

        CliRun nothingSaved = CliRun.run(env(Duration.ofSeconds(5)), "list");
        assertEquals(2, nothingSaved.exit(), nothingSaved.toString());
        assertTrue(nothingSaved.err().contains("no saved connections"), nothingSaved.toString());
    }

    @Test
    void localTestHostIsListedWithExit0() {
        CliRun run = CliRun.run(env(Duration.ofSeconds(10)), "list", "--connect", "test:///default", "--json");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("\"name\" : \"test\""), run.toString());
        assertTrue(run.out().contains("\"state\" : \"running\""), run.toString());
    }

    @Test
    void sshUriWithUnsupportedParameterIsAClearErrorAndExit1() {
        CliRun run = CliRun.run(env(Duration.ofSeconds(10)), "list", "--connect",
                "qemu+ssh://root@127.0.0.1/system?no_verify=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("no_verify=1 is refused"), run.toString());
    }

    @Test
    void aHostThatNeverAnswersDoesNotHangTheCommand() throws Exception {
        // accepts TCP but never sends an SSH banner: a stalled host
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            long start = System.nanoTime();
            CliRun run = CliRun.run(env(Duration.ofSeconds(2)), "list", "--connect",
                    "qemu+ssh://root@127.0.0.1:" + silent.getLocalPort() + "/system", "--connect", "test:///default");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(1, run.exit(), run.toString());
            assertTrue(seconds < 5, "returned after " + seconds + " s");
            assertTrue(run.err().contains("127.0.0.1:" + silent.getLocalPort() + "/system: no answer within 2 s"),
                    run.toString());
            assertTrue(run.out().contains("test:///default  [connected]"), run.toString());
        }
    }
}
