package org.vireo.connections.nodelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vireo.connections.store.ConnectionEntry;

class NodeListExporterTest {
    private static final List<ConnectionEntry> SAVED = List.of(
            new ConnectionEntry("1", "qemu+ssh://root@n1.example.org/system", "First, \"the\" one", "rack a", true, false, null),
            new ConnectionEntry("2", "xen+ssh://root@[2001:db8::2]:2200/", null, null, false, true, "admin@gw:2222,gw2"),
            new ConnectionEntry("3", "qemu:///system", " padded ", "local", false, false, null));

    @Test
    void csvRoundTripsThroughTheParser() {
        String csv = NodeListExporter.export(SAVED, NodeListExporter.Format.CSV);
        ParseResult back = NodeListParser.parse(csv, null, ImportOptions.defaults(), Set.of());

        assertEquals(NodeListFormat.CSV, back.format());
        assertEquals(List.of(), back.problems());
        List<ConnectionEntry> again = back.entriesToAdd();
        assertEquals(SAVED.size(), again.size());
        for (int i = 0; i < SAVED.size(); i++) {
            ConnectionEntry a = SAVED.get(i);
            ConnectionEntry b = again.get(i);
            assertEquals(List.of(a.uri(), String.valueOf(a.name()).strip(), String.valueOf(a.group()), String.valueOf(a.jumpHost()), a.autoconnect(), a.readOnly()),
                    List.of(b.uri(), String.valueOf(b.name()), String.valueOf(b.group()), String.valueOf(b.jumpHost()), b.autoconnect(), b.readOnly()));
        }
    }

    @Test
    void reimportingAnExportAddsNothing() {
        String csv = NodeListExporter.export(SAVED, NodeListExporter.Format.CSV);
        ParseResult back = NodeListParser.parse(csv, null, ImportOptions.defaults(),
                SAVED.stream().map(ConnectionEntry::uri).toList());

        assertEquals(SAVED.size(), back.count(NodeStatus.ALREADY_PRESENT));
        assertEquals(List.of(), back.entriesToAdd());
    }

    @Test
    void urisFormatIsOnePerLineAndReadsBack() {
        String uris = NodeListExporter.export(SAVED, NodeListExporter.Format.URIS);

        assertEquals("qemu+ssh://root@n1.example.org/system\nxen+ssh://root@[2001:db8::2]:2200/\nqemu:///system\n", uris);
        assertEquals(3, NodeListParser.parse(uris, null, ImportOptions.defaults(), Set.of()).count(NodeStatus.NEW));
    }

    @Test
    void jsonHoldsEveryField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(NodeListExporter.export(SAVED, NodeListExporter.Format.JSON));

        JsonNode first = json.get("connections").get(0);
        assertEquals("qemu+ssh://root@n1.example.org/system", first.get("uri").asText());
        assertEquals("First, \"the\" one", first.get("name").asText());
        assertTrue(first.get("autoconnect").asBoolean());
        assertEquals("admin@gw:2222,gw2", json.get("connections").get(1).get("jump").asText());
        assertTrue(json.get("connections").get(1).get("readOnly").asBoolean());
    }
}
