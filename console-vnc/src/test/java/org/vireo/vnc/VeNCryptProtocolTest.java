package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vireo.vnc.ScriptedServer.Script;

/** VeNCrypt negotiation against scripted (and hostile) servers; the real TLS runs are in XvncTlsTest/QemuVncTlsTest. */
class VeNCryptProtocolTest {

    private static Script offering(int... subtypes) {
        Script s = new Script().ascii("RFB 003.008\n").u8(1, 19).u8(0, 2).u8(0).u8(subtypes.length);
        for (int t : subtypes) {
            s.s32(t);
        }
        return s;
    }

    private static VncAuthenticationException refused(byte[] script, VncOptions options) throws Exception {
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(options);
            return assertThrows(VncAuthenticationException.class, client::connect);
        }
    }

    @Test
    void choiceFollowsTrustAndWhatIsOffered() throws Exception {
        List<Integer> all = List.of(256, 257, 258, 259, 260, 261, 262);
        assertEquals(VeNCrypt.X509_NONE, VeNCrypt.choose(all, true));
        assertEquals(VeNCrypt.TLS_NONE, VeNCrypt.choose(all, false));
        assertEquals(VeNCrypt.X509_VNC, VeNCrypt.choose(List.of(256, 261), false), "X.509 before plaintext Plain");
        assertEquals(VeNCrypt.PLAIN, VeNCrypt.choose(List.of(256), true));
    }

    @Test
    void plainSendsUserAndPasswordAfterTheSubtype() throws Exception {
        byte[] script = offering(256).s32(0).serverInit(8, 8).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncClient client = server.client(VncOptions.defaults().withUsername(() -> "ann")
                    .withPassword("pässword"::toCharArray));
            client.connect();
            assertEquals("Plain", client.security());
            byte[] sent = server.awaitReceived(12 + 2 + 4 + 8 + 3 + 9, 10);
            assertEquals(19, sent[12], "chose VeNCrypt");
            assertArrayEquals(new byte[] {0, 2}, Arrays.copyOfRange(sent, 13, 15), "VeNCrypt 0.2");
            assertEquals(256, ByteBuffer.wrap(sent, 15, 4).getInt(), "subtype Plain");
            ByteBuffer creds = ByteBuffer.wrap(sent, 19, 8);
            assertEquals(3, creds.getInt(), "user name length");
            assertEquals(9, creds.getInt(), "UTF-8 password length");
            assertEquals("ann", new String(sent, 27, 3, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("pässword", new String(sent, 30, 9, java.nio.charset.StandardCharsets.UTF_8));
            client.close();
        }
    }

    @Test
    void plainWithoutUserNameIsAClearError() throws Exception {
        VncAuthenticationException e = refused(offering(256).build(), VncOptions.defaults());
        assertEquals("server requires a user name and password (VeNCrypt Plain) and no user name was given",
                e.getMessage());
    }

    @Test
    void oldVeNCryptVersionIsRefused() throws Exception {
        byte[] script = new Script().ascii("RFB 003.008\n").u8(1, 19).u8(0, 1).build();
        try (ScriptedServer server = new ScriptedServer(script)) {
            VncProtocolException e = assertThrows(VncProtocolException.class,
                    () -> server.client(VncOptions.defaults()).connect());
            assertEquals("server speaks VeNCrypt 0.1; only 0.2 is supported", e.getMessage());
        }
    }

    @Test
    void unknownSubtypesAreNamed() throws Exception {
        VncAuthenticationException e = refused(offering(263, 264).build(), VncOptions.defaults());
        assertTrue(e.getMessage().startsWith("server offers only VeNCrypt [subtype 263, subtype 264]"), e.getMessage());
    }

    @Test
    void noSubtypeIsRefused() throws Exception {
        VncAuthenticationException e = refused(offering().build(), VncOptions.defaults());
        assertEquals("server offers no VeNCrypt subtype", e.getMessage());
    }

    @Test
    void garbageInsteadOfTlsEndsWithAClearError() throws Exception {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x41);
        VncAuthenticationException e = refused(offering(257).u8(1).bytes(garbage).build(), VncOptions.defaults());
        assertTrue(e.getMessage().startsWith("TLS handshake for VeNCrypt TLSNone failed: "), e.getMessage());
    }

    @Test
    void serverRefusingToStartTlsIsReported() throws Exception {
        VncAuthenticationException e = refused(offering(257).u8(0).build(), VncOptions.defaults());
        assertEquals("server refused to start TLS for VeNCrypt TLSNone", e.getMessage());
    }
}
