package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.encoding.SyncFlush;
import org.vireo.vnc.ScriptedServer.Script;

/** Handshake and message parsing against a scripted server, including hostile streams. */
class VncClientProtocolTest {

    static Throwable sessionError(byte[] script) throws Exception {
        return sessionError(script, VncOptions.defaults());
    }

    private static Throwable sessionError(byte[] script, VncOptions options) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(options);
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            return listener.awaitError(10);
        }
    }

    private static IOException connectError(byte[] script) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            return assertThrows(IOException.class, client::connect);
        }
    }

    @Test
    void handshake38SendsVersionSecurityInitAndOurPixelFormat() throws Exception {
        byte[] script = new Script().hello38(64, 32)
                .u8(0, 0).u16(1).rectHeader(0, 0, 2, 1, Encoding.RAW).pixel(0xFF0000).pixel(0x00FF00).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitBatches(1, 10);
            assertEquals("3.8", client.protocolVersion());
            assertEquals("test", client.desktopName());
            assertEquals(64, client.framebuffer().width());
            assertEquals(32, client.framebuffer().height());
            assertEquals(0xFFFF0000, client.framebuffer().pixel(0, 0));
            assertEquals(0xFF00FF00, client.framebuffer().pixel(1, 0));
            byte[] sent = server.awaitReceived(35, 10);
            assertEquals("RFB 003.008\n", new String(sent, 0, 12, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(1, sent[12], "chose security None");
            assertEquals(1, sent[13], "shared flag");
            byte[] pixelFormat = Arrays.copyOfRange(sent, 14, 34);
            assertArrayEquals(new byte[] {0, 0, 0, 0, 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255,
                16, 8, 0, 0, 0, 0}, pixelFormat);
            assertEquals(2, sent[34], "SetEncodings follows");
            client.close();
        }
    }

    @Test
    void rfb33WithUnknownSecurityIsRefusedClearly() throws Exception {
        IOException e = connectError(new Script().ascii("RFB 003.003\n").s32(19).build());
        assertInstanceOf(VncAuthenticationException.class, e);
        assertTrue(e.getMessage().contains("security type 19"), e.getMessage());
    }

    @Test
    void securityFailureReasonIsReported() throws Exception {
        byte[] reason = "Too many authentication failures".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        IOException e = connectError(new Script().ascii("RFB 003.008\n").u8(0).s32(reason.length).bytes(reason).build());
        assertTrue(e.getMessage().contains("Too many authentication failures"), e.getMessage());
    }

    @Test
    void passwordRequiredButNoneGiven() throws Exception {
        IOException e = connectError(new Script().ascii("RFB 003.008\n").u8(1, 2).bytes(new byte[16]).build());
        assertTrue(e.getMessage().contains("requires a VNC password"), e.getMessage());
    }

    @Test
    void wrongPasswordResultCarriesServerReason() throws Exception {
        byte[] reason = "Authentication failed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] script = new Script().ascii("RFB 003.008\n").u8(1, 2).bytes(new byte[16]).s32(1).s32(reason.length)
                .bytes(reason).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults().withPassword("secret"::toCharArray));
            IOException e = assertThrows(VncAuthenticationException.class, client::connect);
            assertEquals("VNC authentication failed: Authentication failed", e.getMessage());
        }
    }

    @Test
    void notAnRfbServer() throws Exception {
        IOException e = connectError("SSH-2.0-OpenSSH\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().startsWith("not an RFB server"), e.getMessage());
    }

    @Test
    void hugeReasonLengthIsRefusedWithoutAllocating() throws Exception {
        IOException e = connectError(new Script().ascii("RFB 003.008\n").u8(0).s32(0x7FFFFFFF).build());
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void hugeFramebufferIsRefused() throws Exception {
        IOException e = connectError(new Script().hello38(60000, 60000).build());
        assertInstanceOf(VncProtocolException.class, e);
        assertTrue(e.getMessage().contains("60000x60000 is out of range"), e.getMessage());
    }

    @Test
    void rectangleOutsideFramebufferEndsSession() throws Exception {
        Throwable e = sessionError(new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(60, 0, 10, 10, Encoding.RAW).build());
        assertEquals("Raw rectangle 60,0 10x10 lies outside the 64x32 framebuffer", e.getMessage());
    }

    @Test
    void unrequestedEncodingEndsSession() throws Exception {
        Throwable e = sessionError(new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(0, 0, 1, 1, 12345).build());
        assertEquals("server used encoding 12345 which was not requested", e.getMessage());
    }

    @Test
    void unknownMessageTypeEndsSession() throws Exception {
        Throwable e = sessionError(new Script().hello38(64, 32).u8(77).build());
        assertEquals("unknown server message type 77", e.getMessage());
    }

    @Test
    void fourGigabyteCutTextIsRefused() throws Exception {
        // without the extended clipboard announced, the length is a plain U32
        java.util.List<Integer> pseudo = new java.util.ArrayList<>(Encoding.SUPPORTED_PSEUDO_ENCODINGS);
        pseudo.remove(Integer.valueOf(Encoding.EXTENDED_CLIPBOARD));
        Throwable e = sessionError(new Script().hello38(64, 32).u8(3, 0, 0, 0).s32(0xFFFFFFFF).build(),
                VncOptions.defaults().withPseudoEncodings(pseudo));
        assertInstanceOf(VncProtocolException.class, e);
        assertTrue(e.getMessage().contains("ServerCutText length 4294967295 exceeds"), e.getMessage());
    }

    @Test
    void cutTextReachesListener() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(3, 0, 0, 0).s32(5).ascii("hello")
                .u8(0, 0).u16(0).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitBatches(1, 10);
            assertEquals("hello", listener.clipboard.get());
            client.close();
        }
    }

    @Test
    void truncatedZlibDataEndsSession() throws Exception {
        byte[] pixels = new byte[16 * 16 * 4];
        Arrays.fill(pixels, (byte) 0x55);
        byte[] compressed = SyncFlush.deflate(pixels);
        byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
        Throwable e = sessionError(new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(0, 0, 16, 16, Encoding.ZLIB).s32(truncated.length).bytes(truncated).build());
        assertEquals("Zlib compressed data ended before the rectangle was complete", e.getMessage());
    }

    @Test
    void zlibClaimingMoreThanARectangleCanHoldIsRefused() throws Exception {
        Throwable e = sessionError(new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(0, 0, 2, 2, Encoding.ZLIB).s32(0x7FFFFFFF).build());
        assertTrue(e.getMessage().startsWith("Zlib rectangle 2x2 length 2147483647 exceeds"), e.getMessage());
    }

    @Test
    void zlibRectangleDecodes() throws Exception {
        ByteArrayOutputStream px = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            px.write(new byte[] {(byte) i, 0x20, 0x30, 0});
        }
        byte[] compressed = SyncFlush.deflate(px.toByteArray());
        byte[] script = new Script().hello38(4, 4).u8(0, 0).u16(1)
                .rectHeader(1, 1, 2, 2, Encoding.ZLIB).s32(compressed.length).bytes(compressed).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitBatches(1, 10);
            assertEquals(0xFF302000, client.framebuffer().pixel(1, 1));
            assertEquals(0xFF302003, client.framebuffer().pixel(2, 2));
            assertEquals(0xFF000000, client.framebuffer().pixel(0, 0));
            client.close();
        }
    }

    @Test
    void zrleRunOverflowingItsTileEndsSession() throws Exception {
        // tile subencoding 128 (plain RLE): one colour, run length 255+255+10+1 > 4 pixels of a 2x2 tile
        byte[] compressed = SyncFlush.deflate(new byte[] {(byte) 128, 1, 2, 3, (byte) 255, (byte) 255, 10});
        Throwable e = sessionError(new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(0, 0, 2, 2, Encoding.ZRLE).s32(compressed.length).bytes(compressed).build());
        assertTrue(e.getMessage().startsWith("ZRLE run of"), e.getMessage());
    }

    @Test
    void cursorLargerThanLimitIsRefused() throws Exception {
        Throwable e = sessionError(new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(0, 0, 4000, 4000, Encoding.CURSOR).build());
        assertTrue(e.getMessage().startsWith("cursor of 4000x4000 exceeds"), e.getMessage());
    }

    @Test
    void desktopSizeReplacesFramebuffer() throws Exception {
        byte[] script = new Script().hello38(64, 32).u8(0, 0).u16(1)
                .rectHeader(0, 0, 800, 600, Encoding.DESKTOP_SIZE).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitBatches(1, 10);
            assertEquals(List.of(800, 600, 2), List.of(listener.lastWidth, listener.lastHeight, listener.resizes.get()));
            assertEquals(800, client.framebuffer().width());
            client.close();
        }
    }
}
