package org.vireo.connections.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting. An SSH exec request is a single string run by the remote user's shell, so every argument
 * is single-quoted: inside single quotes nothing is special except the quote itself, written as {@code '\''}.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String arg) {
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A command argument cannot contain a NUL character");
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The command line for an argument list, each argument quoted. */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("Empty command");
        }
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
