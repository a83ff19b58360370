package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.ScriptedServer.Script;

/**
 * XVP and extended-clipboard wire formats on byte streams written from the rfbproto document. No installed
 * server offers XVP (TigerVNC 1.12 and QEMU 7.2 have none: their binaries carry no XVP message), so XVP is
 * checked here and not against a real server.
 */
class XvpAndClipboardCodecTest {

    @Test
    void xvpInitOffersPowerActionsAndTheClientSendsThem() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(250, 0, 1, 1).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            assertThrows(IllegalStateException.class, () -> client.xvp(XvpAction.REBOOT));
            client.connect();
            listener.awaitEvent(() -> listener.xvpInits.get() == 1, 10, "XVP_INIT");
            assertTrue(client.xvpAvailable());
            client.xvp(XvpAction.REBOOT);
            client.xvp(XvpAction.SHUTDOWN);
            client.xvp(XvpAction.RESET);
            // The client's own requests may interleave before them: look for the three messages in what it sent.
            assertTrue(server.awaitSent(new byte[] {(byte) 250, 0, 1, 3, (byte) 250, 0, 1, 2, (byte) 250, 0, 1, 4}),
                    "reboot, shutdown and reset sent in order");
            assertTrue(containsInt(server.received(), Encoding.XVP), "SetEncodings announces XVP (-309)");
            client.close();
        }
    }

    @Test
    void xvpAuthenticationSendsUserTargetThenTheVncResponse() throws Exception {
        byte[] challenge = new byte[16];
        for (int i = 0; i < 16; i++) {
            challenge[i] = (byte) (i * 7);
        }
        byte[] script = new Script().ascii("RFB 003.008\n").u8(1, 22).bytes(challenge).s32(0).serverInit(8, 8).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults().withUsername(() -> "ann").withXvpTarget(() -> "vm")
                    .withPassword("secret"::toCharArray));
            client.connect();
            assertEquals("XVP", client.security());
            byte[] sent = server.awaitReceived(12 + 1 + 2 + 5 + 16, 10);
            assertEquals(22, sent[12], "chose XVP");
            assertArrayEquals(new byte[] {3, 2, 'a', 'n', 'n', 'v', 'm'}, Arrays.copyOfRange(sent, 13, 20));
            assertArrayEquals(VncAuth.response("secret".toCharArray(), challenge), Arrays.copyOfRange(sent, 20, 36));
            client.close();
        }
    }

    @Test
    void xvpAuthenticationWithoutTargetIsAClearError() throws Exception {
        byte[] script = new Script().ascii("RFB 003.008\n").u8(1, 22).bytes(new byte[16]).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults().withUsername(() -> "ann"));
            VncAuthenticationException e = assertThrows(VncAuthenticationException.class, client::connect);
            assertEquals("server requires XVP authentication (user name, target machine and password) and no target"
                    + " was given", e.getMessage());
        }
    }

    @Test
    void xvpFailIsReported() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(250, 0, 1, 1).u8(250, 0, 1, 0).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitEvent(() -> listener.xvpFailures.get() == 1, 10, "XVP_FAIL");
            client.close();
        }
    }

    @Test
    void unknownXvpCodeEndsTheSession() throws Exception {
        Throwable e = VncClientProtocolTest.sessionError(new Script().hello38(8, 8).u8(250, 0, 1, 9).build());
        assertEquals("XVP message with unknown code 9", e.getMessage());
    }

    @Test
    void extendedClipboardCapsThenProvideGivesUtf8Text() throws Exception {
        byte[] provide = provide("grüße\r\n日本\0");
        byte[] script = new Script().hello38(8, 8)
                .u8(3, 0, 0, 0).s32(-8).s32(0x1F000001).s32(1 << 20)                 // caps: text, all actions
                .u8(3, 0, 0, 0).s32(-(4 + provide.length)).s32(0x10000001).bytes(provide)
                .build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitEvent(() -> listener.clipboard.get() != null, 10, "provided text");
            assertEquals("grüße\n日本", listener.clipboard.get());
            assertTrue(client.extendedClipboard());
            // our caps answer: ClientCutText, length -8, caps|all actions|text, text limit
            byte[] caps = ByteBuffer.allocate(16).put((byte) 6).put(new byte[3]).putInt(-8).putInt(0x1F000001)
                    .putInt(VncClient.MAX_CUT_TEXT).array();
            assertTrue(server.awaitSent(caps), "client answered with its caps");
            client.clipboard("x");
            byte[] notify = ByteBuffer.allocate(12).put((byte) 6).put(new byte[3]).putInt(-4).putInt(0x08000001).array();
            assertTrue(server.awaitSent(notify), "client notified the server of its text");
            client.close();
        }
    }

    @Test
    void extendedClipboardBombEndsTheSessionWithoutFillingMemory() throws Exception {
        // claims 2 GiB of text: refused from the size field, before inflating it
        byte[] bomb = deflate(ByteBuffer.allocate(4 + 1024).putInt(Integer.MAX_VALUE).array());
        Throwable e = VncClientProtocolTest.sessionError(new Script().hello38(8, 8)
                .u8(3, 0, 0, 0).s32(-(4 + bomb.length)).s32(0x10000001).bytes(bomb).build());
        assertTrue(e.getMessage().startsWith("extended clipboard text length 2147483647 exceeds the limit"), e.getMessage());
    }

    @Test
    void hugeNegativeCutTextLengthIsRefused() throws Exception {
        Throwable e = VncClientProtocolTest.sessionError(new Script().hello38(8, 8).u8(3, 0, 0, 0).s32(Integer.MIN_VALUE).build());
        assertTrue(e.getMessage().startsWith("extended ServerCutText length 2147483648 exceeds the limit"), e.getMessage());
    }

    @Test
    void truncatedProvideIsAClearError() throws Exception {
        byte[] cut = Arrays.copyOf(provide("a longer clipboard text that will be cut short"), 12);
        Throwable e = VncClientProtocolTest.sessionError(new Script().hello38(8, 8)
                .u8(3, 0, 0, 0).s32(-(4 + cut.length)).s32(0x10000001).bytes(cut).build());
        assertTrue(e.getMessage().startsWith("extended clipboard data ends after"), e.getMessage());
    }

    @Test
    void clipboardWithoutTheExtensionIsLatin1() throws Exception {
        byte[] script = new Script().hello38(8, 8).u8(3, 0, 0, 0).s32(4).bytes(new byte[] {'c', 'a', 'f', (byte) 0xE9}).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults());
            RecordingListener listener = new RecordingListener();
            client.addListener(listener);
            client.connect();
            listener.awaitEvent(() -> listener.clipboard.get() != null, 10, "cut text");
            assertEquals("café", listener.clipboard.get());
            assertFalse(client.extendedClipboard());
            client.close();
        }
    }

    private static byte[] provide(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return deflate(ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static boolean containsInt(byte[] data, int value) {
        return ScriptedServer.indexOf(data, 0, ByteBuffer.allocate(4).putInt(value).array()) >= 0;
    }
}
