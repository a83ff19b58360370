package org.vireo.app.cli;

import java.io.PrintStream;
import org.vireo.app.CommandLine;

/** One {@code vireo SUBCOMMAND}. Exit codes: 0 success, 1 partial failure, 2 bad arguments. */
public interface CliCommand {
    int run(CommandLine line, PrintStream out, PrintStream err);
}
