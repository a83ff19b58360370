package org.vireo.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.vireo.app.cli.CliEnvironment;
import org.vireo.connections.ssh.SshSettings;

/** One in-process run of the {@code vireo} command line with a test HOME and XDG folders. */
public record CliRun(int exit, String out, String err) {

    /** XDG folders under {@code base}/xdg, SSH state under {@code home}/.ssh, no agent. */
    public static CliEnvironment environment(Path base, Path home, Duration hostTimeout) {
        AppPaths paths = new AppPaths(base.resolve("xdg/config/vireo"), base.resolve("xdg/state/vireo"),
                base.resolve("xdg/cache/vireo"));
        return new CliEnvironment(paths, SshSettings.forHome(home, Map.of(), "root"), hostTimeout);
    }

    public static CliRun run(CliEnvironment environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
