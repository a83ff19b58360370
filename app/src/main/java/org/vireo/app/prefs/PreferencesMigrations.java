package org.vireo.app.prefs;

import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vireo.connections.store.StoreMigrations.StoreFormatException;
import org.vireo.connections.store.VersionedJsonFile;

/**
 * Brings older preferences.json layouts up to {@link #CURRENT}, one version step at a time.
 *
 * <ul>
 *   <li>1: flat keys, virt-manager's gsettings names: {@code {"version":1, "updateInterval":3,
 *       "historyLength":200 (samples, not time), "diskPoll":true, "netPoll":true, "consoleScaling":"fit"|"1:1",
 *       "theme":"light"|"dark", "language":"fr"|"en"|"", "dontAsk":["FORCE_OFF", ...]}}.</li>
 *   <li>2: {@code {"schemaVersion":2, "stats":{...}, "console":{...}, "confirmSilenced":[...], "newVm":{...},
 *       "theme":"LIGHT", "language":"SYSTEM"}}, the history as a time span (see {@link Preferences}).</li>
 * </ul>
 */
public final class PreferencesMigrations {
    public static final VersionedJsonFile.Schema SCHEMA =
            new VersionedJsonFile.Schema(List.of(PreferencesMigrations::fromV1));
    public static final int CURRENT = SCHEMA.current();

    private PreferencesMigrations() {
    }

    private static ObjectNode fromV1(ObjectNode v1) throws StoreFormatException {
        ObjectNode v2 = JsonNodeFactory.instance.objectNode();
        v2.put("schemaVersion", 2);
        ObjectNode stats = v2.putObject("stats");
        int interval = integer(v1, "updateInterval", 3);
        stats.put("intervalSeconds", interval);
        if (v1.has("historyLength")) {
            // v1 counted samples; v2 keeps a time span, so the graphs cover the same time as before.
            long seconds = (long) integer(v1, "historyLength", 200) * interval;
            stats.put("historyMinutes", Math.max(Preferences.MIN_HISTORY_MINUTES,
                    Math.min(Preferences.MAX_HISTORY_MINUTES, (int) Math.ceil(seconds / 60.0))));
        } else {
            stats.put("historyMinutes", Preferences.Stats.DEFAULT.historyMinutes());
        }
        ArrayNode collect = stats.putArray("collect");
        if (bool(v1, "diskPoll")) {
            collect.add("DISK");
        }
        if (bool(v1, "netPoll")) {
            collect.add("NETWORK");
        }
        String scaling = text(v1, "consoleScaling", "fit");
        v2.putObject("console").put("scaling", switch (scaling) {
            case "fit" -> "FIT";
            case "1:1" -> "ONE_TO_ONE";
            default -> throw new StoreFormatException("\"consoleScaling\" must be \"fit\" or \"1:1\", was \"" + scaling + "\"");
        });
        JsonNode dontAsk = v1.get("dontAsk");
        if (dontAsk != null && !dontAsk.isArray()) {
            throw new StoreFormatException("\"dontAsk\" must be a list of confirmation kinds");
        }
        v2.set("confirmSilenced", dontAsk == null ? JsonNodeFactory.instance.arrayNode() : dontAsk.deepCopy());
        v2.put("theme", text(v1, "theme", "light").toUpperCase(java.util.Locale.ROOT));
        String language = text(v1, "language", "");
        v2.put("language", switch (language) {
            case "" -> "SYSTEM";
            case "en" -> "ENGLISH";
            case "fr" -> "FRENCH";
            default -> throw new StoreFormatException("\"language\" must be \"\", \"en\" or \"fr\", was \"" + language + "\"");
        });
        return v2;
    }

    private static int integer(ObjectNode node, String field, int absent) throws StoreFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new StoreFormatException("\"" + field + "\" must be a whole number, was " + value);
        }
        return value.intValue();
    }

    /** Absent means on: v1 polled everything unless told otherwise. */
    private static boolean bool(ObjectNode node, String field) throws StoreFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new StoreFormatException("\"" + field + "\" must be true or false, was " + value);
        }
        return value.booleanValue();
    }

    private static String text(ObjectNode node, String field, String absent) throws StoreFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isTextual()) {
            throw new StoreFormatException("\"" + field + "\" must be a string, was " + value);
        }
        return value.textValue();
    }
}
