package org.vireo.connections.nodelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ~/.ssh/config}: one connection per concrete {@code Host} alias. The alias itself becomes
 * the URI's host, so HostName, User, Port and ProxyCommand from the config apply when connecting.
 * Patterns ({@code *}, {@code ?}, {@code !}) and Match blocks name no single host and are skipped
 * with a note.
 */
final class SshConfigReader {
    private SshConfigReader() {
    }

    static void read(String text, ReadContext context) {
        TextLines lines = new TextLines(text, NodeListParser.MAX_LINE_CHARS);
        while (lines.next()) {
            if (lines.tooLong()) {
                context.row(Candidate.invalid(lines.number(), lines.preview(), lines.tooLongReason()));
                continue;
            }
            String line = lines.text().strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int i = 0;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
                i++;
            }
            String keyword = line.substring(0, i).toLowerCase(Locale.ROOT);
            String args = line.substring(i).strip();
            if (args.startsWith("=")) {
                args = args.substring(1).strip();
            }
            switch (keyword) {
                case "host" -> readHost(lines.number(), line, args, context);
                case "match" -> context.note(lines.number(), "Match blocks name no single host; skipped");
                case "include" -> context.note(lines.number(), "Include is not followed; import the included file itself");
                default -> {
                    // HostName, User, ProxyJump...: applied by the SSH layer when connecting to the alias.
                }
            }
        }
    }

    private static void readHost(int line, String raw, String args, ReadContext context) {
        List<String> aliases;
        try {
            aliases = words(args);
        } catch (InvalidRowException e) {
            context.row(Candidate.invalid(line, raw, e.getMessage()));
            return;
        }
        if (aliases.isEmpty()) {
            context.row(Candidate.invalid(line, raw, "Host without a name"));
        }
        for (String alias : aliases) {
            if (alias.indexOf('*') >= 0 || alias.indexOf('?') >= 0 || alias.startsWith("!")) {
                context.note(line, "Host pattern '" + NodeAddress.shown(alias) + "' is not one host; skipped");
            } else if (alias.indexOf('@') >= 0 || alias.indexOf(':') >= 0 || alias.indexOf('[') >= 0) {
                context.row(Candidate.invalid(line, raw, "Host alias '" + NodeAddress.shown(alias) + "' is not a plain name"));
            } else {
                context.row(Candidate.host(line, raw, alias));
            }
        }
    }

    /** Splits on whitespace; double quotes group words, as ssh_config does. */
    private static List<String> words(String args) throws InvalidRowException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw new InvalidRowException("a quote is not closed");
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
