package org.vireo.connections.nodelist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The output of {@code dconf dump /org/virt-manager/virt-manager/connections/}: GSettings keys
 * {@code uris} and {@code autoconnect}, each a GVariant string array such as
 * {@code ['qemu:///system', 'xen+ssh://root@n1/']} (or {@code @as []} when empty).
 */
final class DconfReader {
    /** One {@code uris=} line holds every saved connection, so it may be far longer than a host line. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private DconfReader() {
    }

    private record Value(int line, String uri) {
    }

    static void read(String text, ReadContext context) {
        List<Value> uris = new ArrayList<>();
        List<Value> autoconnect = new ArrayList<>();
        boolean sawUris = false;
        TextLines lines = new TextLines(text, MAX_LINE_CHARS);
        while (lines.next()) {
            if (lines.tooLong()) {
                context.problem(lines.number(), lines.tooLongReason());
                continue;
            }
            String line = lines.text().strip();
            if (line.isEmpty() || line.startsWith("#") || (line.startsWith("[") && line.endsWith("]"))) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !(key.equals("uris") || key.equals("autoconnect"))) {
                context.note(lines.number(), "'" + NodeAddress.shown(key) + "' is not a virt-manager connection key; skipped");
                continue;
            }
            List<Value> target = key.equals("uris") ? uris : autoconnect;
            sawUris |= key.equals("uris");
            try {
                for (String uri : parseStringArray(line.substring(eq + 1).strip())) {
                    target.add(new Value(lines.number(), uri));
                }
            } catch (InvalidRowException e) {
                context.problem(lines.number(), key + " is not a GVariant string array: " + e.getMessage());
            }
        }
        if (!sawUris) {
            context.problem(0, "no 'uris=' key: this dconf dump holds no virt-manager connections");
        }
        Set<String> auto = new HashSet<>();
        autoconnect.forEach(v -> auto.add(NodeAddress.normalise(v.uri())));
        Set<String> listed = new HashSet<>();
        for (Value v : uris) {
            String key = NodeAddress.normalise(v.uri());
            listed.add(key);
            context.row(Candidate.uri(v.line(), v.uri(), v.uri()).withAutoconnect(auto.contains(key) ? Boolean.TRUE : null));
        }
        for (Value v : autoconnect) {
            if (!listed.contains(NodeAddress.normalise(v.uri()))) {
                context.note(v.line(), "autoconnect names " + NodeAddress.shown(v.uri()) + ", which is not in uris; skipped");
            }
        }
    }

    /** Parses {@code ['a', "b"]} with backslash escapes; {@code @as []} is the empty array. */
    static List<String> parseStringArray(String value) throws InvalidRowException {
        String v = value.startsWith("@as") ? value.substring(3).strip() : value;
        if (!v.startsWith("[") || !v.endsWith("]")) {
            throw new InvalidRowException("expected [...]");
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        int end = v.length() - 1;
        while (true) {
            while (i < end && (v.charAt(i) == ' ' || v.charAt(i) == ',')) {
                i++;
            }
            if (i >= end) {
                return items;
            }
            char quote = v.charAt(i);
            if (quote != '\'' && quote != '"') {
                throw new InvalidRowException("expected a quoted string at character " + (i + 1));
            }
            StringBuilder item = new StringBuilder();
            i++;
            while (i < end && v.charAt(i) != quote) {
                if (v.charAt(i) == '\\' && i + 1 < end) {
                    i++;
                }
                item.append(v.charAt(i++));
            }
            if (i >= end) {
                throw new InvalidRowException("a string is not closed");
            }
            i++;
            items.add(item.toString());
        }
    }
}
