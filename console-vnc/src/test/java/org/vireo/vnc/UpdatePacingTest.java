package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.ScriptedServer.Script;

/**
 * Update pacing on scripted streams written from rfbproto: fences answered, continuous updates enabled when the
 * server offers them (then no requests), requests pipelined otherwise, and hostile fences refused. Against a real
 * server (Xvnc) in {@link XvncTest}.
 */
class UpdatePacingTest {
    private static final byte[] KEY_MARKER = {4, 1, 0, 0, 0, 0, 0, 0x61};

    private static Script endOfContinuousUpdates(Script s) {
        return s.u8(UpdatePacing.END_OF_CONTINUOUS_UPDATES);
    }

    private static Script onePixelUpdate(Script s, int rgb) {
        return s.u8(0, 0).u16(1).rectHeader(0, 0, 1, 1, Encoding.RAW).pixel(rgb);
    }

    private static byte[] request(int w, int h) {
        return ByteBuffer.allocate(10).put((byte) 3).put((byte) 1).putShort((short) 0).putShort((short) 0)
                .putShort((short) w).putShort((short) h).array();
    }

    /** Everything the client sent up to a key press it is made to send last (its messages go out in order). */
    private static byte[] sentUntilMarker(ScriptedServer server, VncClient client) throws Exception {
        client.keysym(0x61, true);
        assertTrue(server.awaitSent(KEY_MARKER), "marker key event sent");
        return server.received();
    }

    private static int count(byte[] data, byte[] part) {
        int n = 0;
        for (int i = ScriptedServer.indexOf(data, 0, part); i >= 0; i = ScriptedServer.indexOf(data, i + 1, part)) {
            n++;
        }
        return n;
    }

    @Test
    void fenceRequestIsAnsweredWithItsPayloadAndNoFlags() throws Exception {
        int flags = UpdatePacing.FENCE_REQUEST | UpdatePacing.FENCE_BLOCK_BEFORE | UpdatePacing.FENCE_SYNC_NEXT | 0x40;
        byte[] script = onePixelUpdate(new Script().hello38(8, 8).u8(248, 0, 0, 0).s32(flags).u8(3).ascii("abc"),
                0x123456).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            client.connect();
            byte[] answer = {(byte) 248, 0, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c'};
            assertTrue(server.awaitSent(answer), "fence answered with its payload and no flags, as TigerVNC's viewer");
            client.close();
        }
    }

    @Test
    void fencePayloadOverSixtyFourBytesEndsTheSession() throws Exception {
        Throwable e = VncClientProtocolTest.sessionError(new Script().hello38(8, 8).u8(248, 0, 0, 0)
                .s32(UpdatePacing.FENCE_REQUEST).u8(200).bytes(new byte[200]).build());
        assertEquals("Fence payload of 200 bytes exceeds the limit of 64", e.getMessage());
    }

    @Test
    void continuousUpdatesWithoutAnnouncingThemEndTheSession() throws Exception {
        List<Integer> pseudo = new ArrayList<>(Encoding.SUPPORTED_PSEUDO_ENCODINGS);
        pseudo.remove(Integer.valueOf(Encoding.CONTINUOUS_UPDATES));
        try (ScriptedServer server = new ScriptedServer(endOfContinuousUpdates(new Script().hello38(8, 8)).build())) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults().withPseudoEncodings(pseudo), listener);
            assertEquals("server sent EndOfContinuousUpdates although the client did not announce continuous updates",
                    listener.awaitError(10).getMessage());
        }
    }

    @Test
    void offeredContinuousUpdatesAreEnabledAndNoMoreRequestsAreSent() throws Exception {
        Script script = endOfContinuousUpdates(new Script().hello38(8, 8));
        for (int i = 0; i < 3; i++) {
            onePixelUpdate(script, 0x10 * i);
        }
        try (ScriptedServer server = new ScriptedServer(script.build())) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults(), listener);
            listener.awaitBatches(3, 10);
            assertTrue(client.continuousUpdates());
            byte[] sent = sentUntilMarker(server, client);
            byte[] enable = UpdatePacing.enableMessage(true, 0, 0, 8, 8);
            int at = ScriptedServer.indexOf(sent, 0, enable);
            assertTrue(at > 0, "EnableContinuousUpdates over the 8x8 framebuffer sent");
            assertEquals(at + enable.length, ScriptedServer.indexOf(sent, 0, KEY_MARKER),
                    "nothing (no update request) between enabling and the marker, three updates later");
            client.close();
        }
    }

    @Test
    void serverEndingContinuousUpdatesBringsRequestsBackAndTheyAreNotEnabledAgain() throws Exception {
        Script script = new Script().hello38(8, 8);
        for (int i = 0; i < 3; i++) { // enable, then the server ends them, then a third that must not re-enable
            endOfContinuousUpdates(script);
        }
        try (ScriptedServer server = new ScriptedServer(onePixelUpdate(script, 0xFF).build())) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults(), listener);
            listener.awaitBatches(1, 10);
            assertFalse(client.continuousUpdates());
            byte[] sent = sentUntilMarker(server, client);
            int enabled = ScriptedServer.indexOf(sent, 0, UpdatePacing.enableMessage(true, 0, 0, 8, 8));
            assertEquals(1, count(sent, UpdatePacing.enableMessage(true, 0, 0, 8, 8)), "enabled exactly once");
            assertTrue(ScriptedServer.indexOf(sent, enabled, request(8, 8)) > enabled, "requests resumed");
            client.close();
        }
    }

    @Test
    void continuousUpdatesFollowADesktopResize() throws Exception {
        Script script = endOfContinuousUpdates(new Script().hello38(8, 8))
                .u8(0, 0).u16(1).rectHeader(0, 0, 16, 12, Encoding.DESKTOP_SIZE);
        try (ScriptedServer server = new ScriptedServer(script.build())) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults(), listener);
            listener.awaitBatches(1, 10);
            assertTrue(server.awaitSent(UpdatePacing.enableMessage(true, 0, 0, 16, 12)), "enabled again over 16x12");
            client.close();
        }
    }

    @Test
    void withoutContinuousUpdatesTheNextRequestLeavesAsSoonAsAnUpdateStarts() throws Exception {
        // the update announces two raw pixels and sends one: the client is still decoding it
        byte[] script = new Script().hello38(8, 8).u8(0, 0).u16(1).rectHeader(0, 0, 2, 1, Encoding.RAW)
                .pixel(0xABCDEF).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            RecordingListener listener = new RecordingListener();
            VncClient client = server.connect(VncOptions.defaults(), listener);
            assertTrue(server.awaitSent(request(8, 8)), "incremental request sent while the update is incomplete");
            assertEquals(0, listener.batches.get());
            client.close();
        }
    }
}
