package org.vireo.vnc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFB connection set-up: ProtocolVersion, security, ClientInit and ServerInit (RFC 6143 §7.1, §7.3). */
final class Handshake {
    static final int SECURITY_INVALID = 0;
    static final int SECURITY_NONE = 1;
    static final int SECURITY_VNC_AUTH = 2;
    private static final Pattern VERSION = Pattern.compile("RFB (\\d{3})\\.(\\d{3})\n");

    private final RfbInput in;
    private final OutputStream out;
    private final VncOptions options;

    Handshake(RfbInput in, OutputStream out, VncOptions options) {
        this.in = in;
        this.out = out;
        this.options = options;
    }

    void run(VncClient client) throws IOException {
        int minor = version();
        write(String.format("RFB 003.%03d\n", minor).getBytes(StandardCharsets.US_ASCII));
        int type = minor == 3 ? in.s32() : chooseSecurity();
        if (type == SECURITY_INVALID) {
            throw new VncAuthenticationException("server refused the connection: " + reason("no reason given"));
        }
        if (type == SECURITY_VNC_AUTH) {
            vncAuthentication();
        } else if (type != SECURITY_NONE) {
            throw new VncAuthenticationException("server requires security type " + type + ", which is not supported");
        }
        if (type == SECURITY_VNC_AUTH || minor >= 8) {
            securityResult(minor, type);
        }
        write(new byte[] {(byte) (options.shared() ? 1 : 0)});
        int width = in.u16();
        int height = in.u16();
        in.skip(16); // the server's native pixel format: we set ours right after
        String name = in.string(VncClient.MAX_REASON, "desktop name", StandardCharsets.UTF_8);
        client.initialised("3." + minor, width, height, name);
    }

    /** Reads the server's version and returns the minor version we speak: 3, 7 or 8. */
    private int version() throws IOException {
        byte[] raw = new byte[12];
        in.readFully(raw, 0, 12);
        String text = new String(raw, StandardCharsets.US_ASCII);
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw new VncProtocolException("not an RFB server: it greeted with \"" + text.strip() + "\"");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 3) {
            throw new VncProtocolException("server speaks RFB " + major + "." + minor + ", older than 3.3");
        }
        if (major > 3 || minor >= 8) {
            return 8;
        }
        return minor == 7 ? 7 : 3;
    }

    /** 3.7+: the server lists its types; prefer None, else VNC Authentication. */
    private int chooseSecurity() throws IOException {
        int count = in.u8();
        if (count == 0) {
            throw new VncAuthenticationException("server refused the connection: " + reason("no reason given"));
        }
        byte[] types = new byte[count];
        in.readFully(types, 0, count);
        int chosen = -1;
        for (byte t : types) {
            if (t == SECURITY_NONE) {
                chosen = SECURITY_NONE;
                break;
            }
            if (t == SECURITY_VNC_AUTH) {
                chosen = SECURITY_VNC_AUTH;
            }
        }
        if (chosen < 0) {
            throw new VncAuthenticationException("server offers only security types " + Arrays.toString(unsigned(types))
                    + "; supported are None (1) and VNC Authentication (2)");
        }
        write(new byte[] {(byte) chosen});
        return chosen;
    }

    private void vncAuthentication() throws IOException {
        byte[] challenge = new byte[16];
        in.readFully(challenge, 0, 16);
        char[] password = options.password().get();
        if (password == null) {
            throw new VncAuthenticationException("server requires a VNC password and none was given");
        }
        try {
            write(VncAuth.response(password, challenge));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void securityResult(int minor, int type) throws IOException {
        long result = in.u32();
        if (result == 0) {
            return;
        }
        String what = type == SECURITY_VNC_AUTH ? "VNC authentication failed" : "security handshake failed";
        String reason = minor >= 8 ? reason("") : "";
        throw new VncAuthenticationException(reason.isEmpty() ? what + " (wrong password?)" : what + ": " + reason);
    }

    private String reason(String fallback) throws IOException {
        byte[] reason = in.bytes(in.u32(), VncClient.MAX_REASON, "failure reason");
        String s = new String(reason, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? fallback : s;
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    private static int[] unsigned(byte[] b) {
        int[] u = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            u[i] = b[i] & 0xFF;
        }
        return u;
    }
}
