package org.vireo.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed command line: {@code vireo [--connect URI]...} opens the window;
 * {@code vireo SUBCOMMAND [options]} runs a command-line tool.
 *
 * @param subcommand empty for the window
 * @param rest       the subcommand's own arguments, unparsed
 */
public record CommandLine(Optional<String> subcommand, List<String> connectUris, boolean help, boolean version,
                          List<String> rest) {

    /** Thrown for arguments we do not understand; exit code 2, as for any CLI misuse. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(List<String> args) {
        Optional<String> subcommand = Optional.empty();
        List<String> connect = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (subcommand.isPresent()) {
                rest.add(arg);
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.equals("--connect") || arg.equals("-c")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--connect needs a URI, e.g. --connect qemu+ssh://root@host/system");
                }
                connect.add(args.get(++i));
            } else if (arg.startsWith("--connect=")) {
                connect.add(arg.substring("--connect=".length()));
            } else if (arg.startsWith("-")) {
                throw new UsageException("unknown option: " + arg);
            } else {
                subcommand = Optional.of(arg);
            }
        }
        return new CommandLine(subcommand, List.copyOf(connect), help, version, List.copyOf(rest));
    }
}
