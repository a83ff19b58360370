package org.vireo.connections.ssh;

/**
 * Outcome of a remote command.
 *
 * @param truncated true when stdout or stderr exceeded the size limit (the rest was discarded)
 */
public record CommandResult(int exitStatus, String stdout, String stderr, boolean truncated) {
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
