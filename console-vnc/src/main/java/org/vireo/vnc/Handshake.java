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
    static final int SECURITY_XVP = 22;
    private static final Pattern VERSION = Pattern.compile("RFB (\\d{3})\\.(\\d{3})\n");

    /** Replaced by the TLS streams once VeNCrypt started TLS. */
    private RfbInput in;
    private OutputStream out;
    private final VncOptions options;
    private String security = "None";

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
            security = "VncAuth";
            vncAuthentication();
        } else if (type == SECURITY_XVP && minor >= 7) {
            security = "XVP";
            xvpAuthentication();
        } else if (type == VeNCrypt.SECURITY_TYPE && minor >= 7) {
            veNCrypt();
        } else if (type != SECURITY_NONE) {
            throw new VncAuthenticationException("server requires security type " + type + ", which is not supported");
        }
        if (type != SECURITY_NONE || minor >= 8) {
            securityResult(minor, type);
        }
        write(new byte[] {(byte) (options.shared() ? 1 : 0)});
        int width = in.u16();
        int height = in.u16();
        in.skip(16); // the server's native pixel format: we set ours right after
        String name = in.string(VncClient.MAX_REASON, "desktop name", StandardCharsets.UTF_8);
        client.initialised("3." + minor, security, width, height, name);
    }

    /** The stream to read after the handshake (TLS-decrypted when VeNCrypt started TLS). */
    RfbInput input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    private void veNCrypt() throws IOException {
        VeNCrypt.Negotiated n = new VeNCrypt(in, out, options).negotiate();
        security = VeNCrypt.name(n.subtype().code());
        if (n.tls() != null) {
            in = new RfbInput(n.tls().in());
            out = n.tls().out();
        }
        switch (n.subtype().inner()) {
            case NONE -> { }
            case VNC -> vncAuthentication();
            case PLAIN -> VeNCrypt.plain(out, options);
        }
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

    /** 3.7+: the server lists its types; prefer VeNCrypt (encryption), then None, then VNC Authentication. */
    private int chooseSecurity() throws IOException {
        int count = in.u8();
        if (count == 0) {
            throw new VncAuthenticationException("server refused the connection: " + reason("no reason given"));
        }
        byte[] types = new byte[count];
        in.readFully(types, 0, count);
        int chosen = -1;
        for (int preferred : new int[] {VeNCrypt.SECURITY_TYPE, SECURITY_NONE, SECURITY_VNC_AUTH, SECURITY_XVP}) {
            for (byte t : types) {
                if (chosen < 0 && (t & 0xFF) == preferred) {
                    chosen = preferred;
                }
            }
        }
        if (chosen < 0) {
            throw new VncAuthenticationException("server offers only security types " + Arrays.toString(unsigned(types))
                    + "; supported are None (1), VNC Authentication (2), VeNCrypt (19) and XVP (22)");
        }
        write(new byte[] {(byte) chosen});
        return chosen;
    }

    /** XVP authentication (22): U8 user length, U8 target length, user, target, then VNC authentication. */
    private void xvpAuthentication() throws IOException {
        String user = options.username().get();
        String target = options.xvpTarget().get();
        if (user == null || target == null) {
            throw new VncAuthenticationException("server requires XVP authentication (user name, target machine and"
                    + " password) and no " + (user == null ? "user name" : "target") + " was given");
        }
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] t = target.getBytes(StandardCharsets.UTF_8);
        if (u.length > 255 || t.length > 255) {
            throw new IllegalArgumentException("XVP user name and target must be at most 255 bytes");
        }
        byte[] message = new byte[2 + u.length + t.length];
        message[0] = (byte) u.length;
        message[1] = (byte) t.length;
        System.arraycopy(u, 0, message, 2, u.length);
        System.arraycopy(t, 0, message, 2 + u.length, t.length);
        write(message);
        vncAuthentication();
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
        String what = switch (type) {
            case SECURITY_VNC_AUTH -> "VNC authentication failed";
            case VeNCrypt.SECURITY_TYPE -> "VeNCrypt authentication failed";
            case SECURITY_XVP -> "XVP authentication failed";
            default -> "security handshake failed";
        };
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
