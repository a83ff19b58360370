package org.vireo.connections.nodelist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV (RFC 4180 quoting) and TSV with a header row. Column names are case-insensitive; columns
 * Vireo does not know are reported as a problem rather than silently dropped. A record must fit
 * on one line: node lists never need line breaks inside a field.
 */
final class DelimitedReader {
    static final List<String> COLUMNS = List.of("host", "user", "port", "driver", "jump", "group", "autoconnect",
            "name", "uri", "readonly");

    private DelimitedReader() {
    }

    static void read(String text, char separator, ReadContext context) {
        TextLines lines = new TextLines(text, NodeListParser.MAX_LINE_CHARS);
        Map<String, Integer> header = null;
        int headerSize = 0;
        while (lines.next()) {
            if (lines.tooLong()) {
                context.row(Candidate.invalid(lines.number(), lines.preview(), lines.tooLongReason()));
                continue;
            }
            String line = lines.text();
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields;
            try {
                fields = split(line, separator);
            } catch (InvalidRowException e) {
                if (header == null) {
                    context.problem(lines.number(), "header row: " + e.getMessage());
                    return;
                }
                context.row(Candidate.invalid(lines.number(), line, e.getMessage()));
                continue;
            }
            if (header == null) {
                header = readHeader(fields, lines.number(), context);
                headerSize = fields.size();
                if (header == null) {
                    return;
                }
                continue;
            }
            if (fields.stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (fields.size() > headerSize) {
                context.row(Candidate.invalid(lines.number(), line,
                        "row has " + fields.size() + " fields but the header has " + headerSize));
                continue;
            }
            context.row(toCandidate(lines.number(), line, fields, header));
        }
    }

    private static Map<String, Integer> readHeader(List<String> fields, int line, ReadContext context) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                context.problem(line, "unknown column '" + NodeAddress.shown(fields.get(i)) + "' (column " + (i + 1)
                        + ") is not imported; known columns: " + String.join(", ", COLUMNS));
            } else if (header.containsKey(name)) {
                context.problem(line, "column '" + name + "' appears twice; only the first is used");
            } else {
                header.put(name, i);
            }
        }
        if (!header.containsKey("host") && !header.containsKey("uri")) {
            context.problem(line, "the header row has no 'host' column (known columns: " + String.join(", ", COLUMNS) + ")");
            return null;
        }
        return header;
    }

    private static Candidate toCandidate(int line, String raw, List<String> fields, Map<String, Integer> header) {
        String host = cell(fields, header, "host");
        String uri = cell(fields, header, "uri");
        if (host == null && uri == null) {
            return Candidate.invalid(line, raw, "no host given");
        }
        if (host != null && uri != null) {
            return Candidate.invalid(line, raw, "both a host and a URI given; give one of them");
        }
        Boolean autoconnect;
        Boolean readOnly;
        try {
            autoconnect = bool("autoconnect", cell(fields, header, "autoconnect"));
            readOnly = bool("readonly", cell(fields, header, "readonly"));
        } catch (InvalidRowException e) {
            return Candidate.invalid(line, raw, e.getMessage());
        }
        return new Candidate(line, raw, host, uri, cell(fields, header, "user"), cell(fields, header, "port"),
                cell(fields, header, "driver"), cell(fields, header, "jump"), cell(fields, header, "group"),
                cell(fields, header, "name"), autoconnect, readOnly, null);
    }

    private static String cell(List<String> fields, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= fields.size()) {
            return null;
        }
        String value = fields.get(index);
        return value.isEmpty() ? null : value;
    }

    private static Boolean bool(String column, String value) throws InvalidRowException {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y" -> Boolean.TRUE;
            case "no", "false", "0", "n" -> Boolean.FALSE;
            default -> throw new InvalidRowException(column + " must be yes or no, not '" + NodeAddress.shown(value) + "'");
        };
    }

    /** Splits one record; quoted fields may hold the separator and doubled quotes. Unquoted fields are trimmed. */
    static List<String> split(String line, char separator) throws InvalidRowException {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new InvalidRowException("a quoted field is not closed on this line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != separator) {
                    throw new InvalidRowException("text after a closing quote (column " + (fields.size() + 1) + ")");
                }
                fields.add(field.toString());
            } else {
                int stop = line.indexOf(separator, i);
                String field = line.substring(i, stop < 0 ? n : stop);
                if (field.indexOf('"') >= 0) {
                    throw new InvalidRowException("a quote inside an unquoted field (column " + (fields.size() + 1) + ")");
                }
                fields.add(field.strip());
                i = stop < 0 ? n : stop;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the separator
        }
    }
}
