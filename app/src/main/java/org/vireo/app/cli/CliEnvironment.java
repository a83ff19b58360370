package org.vireo.app.cli;

import java.time.Duration;
import java.util.Objects;
import org.vireo.app.AppPaths;
import org.vireo.connections.ssh.SshSettings;

/**
 * What a CLI command takes from its surroundings: Vireo's folders, the SSH setup (HOME's ~/.ssh, the agent)
 * and how long it may wait for hosts. Tests build their own instead of touching the real ones.
 *
 * @param hostTimeout how long a command waits for all hosts together before reporting the slow ones
 */
public record CliEnvironment(AppPaths paths, SshSettings ssh, Duration hostTimeout) {
    public static final Duration DEFAULT_HOST_TIMEOUT = Duration.ofSeconds(30);

    public CliEnvironment {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(hostTimeout, "hostTimeout");
    }

    /** The XDG folders, the home directory ({@code user.home}) and $SSH_AUTH_SOCK of this process. */
    public static CliEnvironment fromSystem() {
        return new CliEnvironment(AppPaths.fromEnvironment(), SshSettings.fromSystem(), DEFAULT_HOST_TIMEOUT);
    }
}
