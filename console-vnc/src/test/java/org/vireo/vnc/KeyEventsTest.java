package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.ScriptedServer.Script;

/** What goes on the wire for a key, with and without the QEMU extended key event. */
class KeyEventsTest {

    /** Waits (bounded) until the client has sent {@code message}; fails with what it sent otherwise. */
    private static void awaitSent(ScriptedServer server, byte[] message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (indexOf(server.received(), message) >= 0) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("client never sent " + Arrays.toString(message) + "; sent " + Arrays.toString(server.received()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void withExtendedKeyEventKeysGoAsScancodes() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(0, 0).u16(1)
                .rectHeader(0, 0, 8, 8, Encoding.QEMU_EXTENDED_KEY_EVENT).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitBatches(1, 10);
            assertTrue(client.extendedKeyEvents());
            client.key("KEY_RIGHTCTRL", 0, true);
            awaitSent(server, new byte[] {(byte) 255, 0, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xE4, 0, 0, 0, (byte) 0x9D});
            client.close();
        }
    }

    @Test
    void withoutItKeysGoAsKeysyms() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(0, 0).u16(0).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitBatches(1, 10);
            client.key("KEY_A", 'A', false);
            awaitSent(server, new byte[] {4, 0, 0, 0, 0, 0, 0, 'A'});
            client.close();
        }
    }
}
