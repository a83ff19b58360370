package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.ScriptedServer.Script;

/** What goes on the wire for a key, with and without the QEMU extended key event. */
class KeyEventsTest {

    @Test
    void withExtendedKeyEventKeysGoAsScancodes() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(0, 0).u16(1)
                .rectHeader(0, 0, 8, 8, Encoding.QEMU_EXTENDED_KEY_EVENT).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults(), listener);
            listener.awaitBatches(1, 10);
            assertTrue(client.extendedKeyEvents());
            client.key("KEY_RIGHTCTRL", 0, true);
            assertTrue(server.awaitSent(new byte[] {(byte) 255, 0, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xE4, 0, 0, 0, (byte) 0x9D}),
                    "right Ctrl sent as its scancode");
            client.close();
        }
    }

    @Test
    void withoutItKeysGoAsKeysyms() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(0, 0).u16(0).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults(), listener);
            listener.awaitBatches(1, 10);
            client.key("KEY_A", 'A', false);
            assertTrue(server.awaitSent(new byte[] {4, 0, 0, 0, 0, 0, 0, 'A'}), "release of A sent as its keysym");
            client.close();
        }
    }
}
