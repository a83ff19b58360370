package org.vireo.connections.nodelist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vireo.connections.store.ConnectionEntry;

/**
 * Writes saved connections out: one URI per line, CSV that {@link NodeListParser} reads back
 * unchanged, or JSON.
 */
public final class NodeListExporter {
    /** The CSV header: a full URI keeps every connection exact, whatever its driver and transport. */
    static final List<String> CSV_COLUMNS = List.of("uri", "name", "group", "jump", "autoconnect", "readonly");

    public enum Format {
        URIS, CSV, JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> fromId(String text) {
            for (Format f : values()) {
                if (f.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private NodeListExporter() {
    }

    public static String export(List<ConnectionEntry> entries, Format format) {
        return switch (format) {
            case URIS -> uris(entries);
            case CSV -> csv(entries);
            case JSON -> json(entries);
        };
    }

    private static String uris(List<ConnectionEntry> entries) {
        StringBuilder b = new StringBuilder();
        entries.forEach(e -> b.append(e.uri()).append('\n'));
        return b.toString();
    }

    private static String csv(List<ConnectionEntry> entries) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ConnectionEntry e : entries) {
            b.append(field(e.uri())).append(',').append(field(e.name())).append(',').append(field(e.group()))
                    .append(',').append(field(e.jumpHost())).append(',').append(e.autoconnect() ? "yes" : "no")
                    .append(',').append(e.readOnly() ? "yes" : "no").append("\r\n");
        }
        return b.toString();
    }

    /** RFC 4180: quote a field holding a separator, a quote, a line break or outer spaces; double its quotes. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String json(List<ConnectionEntry> entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ConnectionEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uri", e.uri());
            m.put("name", e.name());
            m.put("group", e.group());
            m.put("jump", e.jumpHost());
            m.put("autoconnect", e.autoconnect());
            m.put("readOnly", e.readOnly());
            list.add(m);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("connections", list)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write connections as JSON", e);
        }
    }
}
