package org.vireo.vnc;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNC Authentication (RFC 6143 §7.2.2): the 16-byte challenge DES-encrypted with the password as key.
 * The password's first 8 bytes (zero-padded) are used with the bits of each byte reversed, as every
 * VNC implementation does (RFC 6143 erratum 4951).
 */
public final class VncAuth {
    private VncAuth() {
    }

    public static byte[] response(char[] password, byte[] challenge) throws VncProtocolException {
        byte[] key = new byte[8];
        for (int i = 0; i < Math.min(8, password.length); i++) {
            key[i] = (byte) (Integer.reverse(password[i] & 0xFF) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new VncProtocolException("DES for VNC authentication is unavailable: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
