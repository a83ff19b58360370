package org.vireo.app.cli;

import java.io.PrintStream;
import java.util.List;
import org.vireo.app.CommandLine;
import org.vireo.connections.nodelist.ConnectionRepository;
import org.vireo.connections.nodelist.NodeListExporter;

/** {@code vireo export [--format uris|csv|json]}: writes the saved connections to standard output. */
public final class ExportCommand implements CliCommand {
    static final String USAGE = "usage: vireo export [--format uris|csv|json]";

    private final ConnectionRepository repository;

    public ExportCommand(ConnectionRepository repository) {
        this.repository = repository;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        NodeListExporter.Format format = NodeListExporter.Format.URIS;
        List<String> rest = line.rest();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String value;
            if (arg.equals("--format")) {
                if (i + 1 >= rest.size()) {
                    return usage(err, "--format needs a value");
                }
                value = rest.get(++i);
            } else if (arg.startsWith("--format=")) {
                value = arg.substring("--format=".length());
            } else {
                return usage(err, "unknown argument '" + arg + "'");
            }
            var chosen = NodeListExporter.Format.fromId(value);
            if (chosen.isEmpty()) {
                return usage(err, "unknown format '" + value + "' (uris, csv or json)");
            }
            format = chosen.get();
        }
        out.print(NodeListExporter.export(repository.load(), format));
        out.flush();
        return 0;
    }

    private static int usage(PrintStream err, String message) {
        err.println("vireo export: " + message);
        err.println(USAGE);
        return 2;
    }
}
