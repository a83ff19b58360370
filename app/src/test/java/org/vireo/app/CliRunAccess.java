package org.vireo.app;

import java.nio.file.Path;
import java.time.Duration;

/** Runs the command line in-process for tests outside this package (CliRun is package-private). */
public final class CliRunAccess {
    private CliRunAccess() {
    }

    public record Result(int exit, String text) {
    }

    /** XDG folders under {@code base}, SSH from {@code home}/.ssh, 30 s per host. */
    public static Result run(Path base, Path home, String... args) {
        CliRun run = CliRun.run(CliRun.environment(base, home, Duration.ofSeconds(30)), args);
        return new Result(run.exit(), run.toString());
    }
}
