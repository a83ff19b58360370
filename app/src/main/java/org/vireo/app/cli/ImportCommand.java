package org.vireo.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vireo.app.CommandLine;
import org.vireo.connections.nodelist.ConnectionRepository;
import org.vireo.connections.nodelist.Driver;
import org.vireo.connections.nodelist.FileMessage;
import org.vireo.connections.nodelist.ImportOptions;
import org.vireo.connections.nodelist.NodeEntry;
import org.vireo.connections.nodelist.NodeListFormat;
import org.vireo.connections.nodelist.NodeListParser;
import org.vireo.connections.nodelist.NodeStatus;
import org.vireo.connections.nodelist.ParseResult;
import org.vireo.connections.store.ConnectionEntry;

/**
 * {@code vireo import FILE [--format F] [--driver qemu|xen] [--user U] [--jump HOST] [--group G]
 * [--autoconnect] [--read-only] [--dry-run] [--strict]}: prints every entry of the node list as
 * JSON (uri, group, status, line) and, unless {@code --dry-run}, adds the new ones to the saved
 * connections. Saved connections are never changed, only added to. Exit 0 when every line was
 * usable, 1 when some were not (the valid ones are still added unless {@code --strict}), 2 for
 * unusable arguments or an unreadable file.
 */
public final class ImportCommand implements CliCommand {
    static final String USAGE = "usage: vireo import FILE [--format " + formatIds() + "] [--driver qemu|xen] [--user U]"
            + " [--jump [user@]host[:port]] [--group G] [--autoconnect] [--read-only] [--dry-run] [--strict]";

    private final ConnectionRepository repository;

    public ImportCommand(ConnectionRepository repository) {
        this.repository = repository;
    }

    private static final class Arguments {
        Path file;
        NodeListFormat format;
        ImportOptions options = ImportOptions.defaults();
        boolean groupGiven;
        boolean dryRun;
        boolean strict;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        Arguments args;
        try {
            args = parseArguments(line.rest());
        } catch (IllegalArgumentException e) {
            err.println("vireo import: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        byte[] content;
        try {
            content = NodeListParser.readFile(args.file);
        } catch (IOException e) {
            err.println("vireo import: cannot read " + args.file + ": " + describe(e));
            return 2;
        }
        ImportOptions options = args.groupGiven ? args.options
                : args.options.withGroup(ImportOptions.groupFromFileName(args.file.toString()));
        List<ConnectionEntry> saved = repository.load();
        ParseResult result = NodeListParser.parse(content, args.format, options,
                saved.stream().map(ConnectionEntry::uri).toList());

        int added = 0;
        boolean refused = args.strict && result.hasErrors();
        List<ConnectionEntry> toAdd = result.entriesToAdd();
        if (!args.dryRun && !refused && !toAdd.isEmpty()) {
            List<ConnectionEntry> all = new ArrayList<>(saved);
            all.addAll(toAdd);
            repository.save(all);
            added = toAdd.size();
        }
        out.println(json(args.file, result, args.dryRun, added));
        report(args, result, added, refused, err);
        return result.hasErrors() ? 1 : 0;
    }

    private static void report(Arguments args, ParseResult result, int added, boolean refused, PrintStream err) {
        for (FileMessage problem : result.problems()) {
            err.println("vireo import: " + where(args.file, problem.line()) + problem.text());
        }
        for (NodeEntry entry : result.entries()) {
            if (entry.status() == NodeStatus.INVALID) {
                err.println("vireo import: " + where(args.file, entry.line()) + entry.reason());
            }
        }
        String counts = result.count(NodeStatus.NEW) + " new, " + result.count(NodeStatus.ALREADY_PRESENT)
                + " already present, " + result.count(NodeStatus.DUPLICATE_IN_FILE) + " duplicate, "
                + result.count(NodeStatus.INVALID) + " invalid";
        String outcome = args.dryRun ? "dry run, nothing saved"
                : refused ? "nothing saved (--strict and the file has errors)"
                : added + " added";
        err.println("vireo import: " + counts + "; " + outcome);
    }

    private static String where(Path file, int line) {
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    private static Arguments parseArguments(List<String> rest) {
        Arguments a = new Arguments();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--dry-run" -> a.dryRun = true;
                case "--strict" -> a.strict = true;
                case "--autoconnect" -> a.options = a.options.withAutoconnect(true);
                case "--read-only" -> a.options = a.options.withReadOnly(true);
                case "--format", "--driver", "--user", "--jump", "--group" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= rest.size()) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = rest.get(++i);
                    }
                    applyOption(a, name, value);
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    if (a.file != null) {
                        throw new IllegalArgumentException("one file at a time ('" + a.file + "' and '" + arg + "')");
                    }
                    a.file = Path.of(arg);
                }
            }
        }
        if (a.file == null) {
            throw new IllegalArgumentException("no file given");
        }
        Optional<String> problem = a.options.problem();
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return a;
    }

    private static void applyOption(Arguments a, String name, String value) {
        switch (name) {
            case "--format" -> a.format = NodeListFormat.fromId(value).orElseThrow(() ->
                    new IllegalArgumentException("unknown format '" + value + "' (" + formatIds() + ")"));
            case "--driver" -> a.options = a.options.withDriver(Driver.fromId(value).orElseThrow(() ->
                    new IllegalArgumentException("unknown driver '" + value + "' (qemu or xen)")));
            case "--user" -> a.options = a.options.withUser(value);
            case "--jump" -> a.options = a.options.withJump(value);
            case "--group" -> {
                a.options = a.options.withGroup(value);
                a.groupGiven = true;
            }
            default -> throw new IllegalStateException("option without a handler: " + name);
        }
    }

    private static String formatIds() {
        return String.join("|", java.util.Arrays.stream(NodeListFormat.values()).map(NodeListFormat::id).toList());
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String json(Path file, ParseResult result, boolean dryRun, int added) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file.toString());
        root.put("format", result.format().id());
        root.put("dryRun", dryRun);
        root.put("added", added);
        root.put("collapsedRepeats", result.collapsedRepeats());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (NodeEntry e : result.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", e.line());
            m.put("uri", e.uri());
            m.put("group", e.group());
            m.put("status", e.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (e.reason() != null) {
                m.put("reason", e.reason());
            }
            if (e.uri() == null) {
                m.put("text", e.raw());
            }
            entries.add(m);
        }
        root.put("entries", entries);
        root.put("problems", messages(result.problems()));
        root.put("notes", messages(result.notes()));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import result as JSON", e);
        }
    }

    private static List<Map<String, Object>> messages(List<FileMessage> list) {
        return list.stream().map(m -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("line", m.line());
            o.put("message", m.text());
            return o;
        }).toList();
    }
}
