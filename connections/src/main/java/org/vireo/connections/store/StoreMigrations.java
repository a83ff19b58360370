package org.vireo.connections.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings older connections.json layouts up to {@link #CURRENT}, one version step at a time.
 *
 * <ul>
 *   <li>1: {@code {"version":1,"uris":[...],"autoconnect":[...]}} — the two lists virt-manager keeps.</li>
 *   <li>2: {@code {"schemaVersion":2,"connections":[{"id":...,"uri":...,"autoconnect":...}, ...]}}. Fields
 *   added later within 2 are optional with a default of false or none (e.g. {@code "maintenance"}), so older
 *   files need no step and an older Vireo still reads newer ones.</li>
 * </ul>
 */
public final class StoreMigrations {
    public static final VersionedJsonFile.Schema SCHEMA = new VersionedJsonFile.Schema(List.of(StoreMigrations::fromV1));
    public static final int CURRENT = SCHEMA.current();

    private StoreMigrations() {
    }

    private static ObjectNode fromV1(ObjectNode v1) throws StoreFormatException {
        Set<String> uris = new LinkedHashSet<>(textList(v1, "uris"));
        Set<String> autoconnect = new LinkedHashSet<>(textList(v1, "autoconnect"));
        uris.addAll(autoconnect); // an autoconnect URI missing from "uris" is still a saved connection
        ObjectNode v2 = JsonNodeFactory.instance.objectNode();
        v2.put("schemaVersion", 2);
        ArrayNode connections = v2.putArray("connections");
        for (String uri : uris) {
            ObjectNode entry = connections.addObject();
            entry.put("id", UUID.randomUUID().toString());
            entry.put("uri", uri);
            entry.put("autoconnect", autoconnect.contains(uri));
            entry.put("readOnly", false);
        }
        return v2;
    }

    private static Set<String> textList(ObjectNode node, String field) throws StoreFormatException {
        Set<String> values = new LinkedHashSet<>();
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            throw new StoreFormatException("\"" + field + "\" must be a list of URIs");
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw new StoreFormatException("\"" + field + "\" must contain only URI strings, found " + item);
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** The content does not match what its schema version promises. */
    public static final class StoreFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public StoreFormatException(String message) {
            super(message);
        }
    }
}
