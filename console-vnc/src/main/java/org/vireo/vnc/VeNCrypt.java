package org.vireo.vnc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * VeNCrypt (security type 19, rfbproto "VeNCrypt"): version 0.2, a subtype list, then TLS (anonymous or X.509)
 * and an inner authentication (None, VNC, Plain). The subtype is chosen from what the server offers,
 * preferring verified X.509 when trust is configured, then anonymous TLS, and plaintext Plain last.
 */
final class VeNCrypt {
    static final int SECURITY_TYPE = 19;
    static final int PLAIN = 256;
    static final int TLS_NONE = 257;
    static final int TLS_VNC = 258;
    static final int TLS_PLAIN = 259;
    static final int X509_NONE = 260;
    static final int X509_VNC = 261;
    static final int X509_PLAIN = 262;
    private static final int MAX_SUBTYPES = 255;

    /** The inner authentication after TLS. */
    enum Inner { NONE, VNC, PLAIN }

    record Subtype(int code, boolean tls, boolean x509, Inner inner) {
    }

    static Subtype subtype(int code) {
        return switch (code) {
            case PLAIN -> new Subtype(code, false, false, Inner.PLAIN);
            case TLS_NONE -> new Subtype(code, true, false, Inner.NONE);
            case TLS_VNC -> new Subtype(code, true, false, Inner.VNC);
            case TLS_PLAIN -> new Subtype(code, true, false, Inner.PLAIN);
            case X509_NONE -> new Subtype(code, true, true, Inner.NONE);
            case X509_VNC -> new Subtype(code, true, true, Inner.VNC);
            case X509_PLAIN -> new Subtype(code, true, true, Inner.PLAIN);
            default -> null;
        };
    }

    static String name(int code) {
        return switch (code) {
            case PLAIN -> "Plain";
            case TLS_NONE -> "TLSNone";
            case TLS_VNC -> "TLSVnc";
            case TLS_PLAIN -> "TLSPlain";
            case X509_NONE -> "X509None";
            case X509_VNC -> "X509Vnc";
            case X509_PLAIN -> "X509Plain";
            default -> "subtype " + code;
        };
    }

    /**
     * Preference among the offered subtypes. Verified X.509 first when trust is configured; without it,
     * anonymous TLS before X.509 (which would then fail for want of trust, with a clear message).
     */
    static int choose(List<Integer> offered, boolean trustConfigured) throws VncAuthenticationException {
        List<Integer> x509 = List.of(X509_NONE, X509_VNC, X509_PLAIN);
        List<Integer> anon = List.of(TLS_NONE, TLS_VNC, TLS_PLAIN);
        List<Integer> order = new ArrayList<>(trustConfigured ? x509 : anon);
        order.addAll(trustConfigured ? anon : x509);
        order.add(PLAIN);
        for (int code : order) {
            if (offered.contains(code)) {
                return code;
            }
        }
        List<String> names = offered.stream().map(VeNCrypt::name).toList();
        throw new VncAuthenticationException("server offers only VeNCrypt " + names
                + "; supported are Plain, TLSNone, TLSVnc, TLSPlain, X509None, X509Vnc, X509Plain");
    }

    private final RfbInput in;
    private final OutputStream out;
    private final VncOptions options;

    VeNCrypt(RfbInput in, OutputStream out, VncOptions options) {
        this.in = in;
        this.out = out;
        this.options = options;
    }

    /**
     * Negotiates the subtype and, for TLS subtypes, runs the TLS handshake. Returns the TLS streams (or null
     * for Plain without TLS) and the chosen subtype; the inner authentication is left to the caller.
     */
    Negotiated negotiate() throws IOException {
        int major = in.u8();
        int minor = in.u8();
        if (major != 0 || minor < 2) {
            throw new VncProtocolException("server speaks VeNCrypt " + major + "." + minor + "; only 0.2 is supported");
        }
        write(new byte[] {0, 2});
        if (in.u8() != 0) {
            throw new VncAuthenticationException("server refused VeNCrypt version 0.2");
        }
        int count = in.u8();
        if (count == 0 || count > MAX_SUBTYPES) {
            throw new VncAuthenticationException("server offers no VeNCrypt subtype");
        }
        List<Integer> offered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offered.add(in.s32());
        }
        int chosen = choose(offered, !(options.tlsTrust() instanceof TlsTrust.None));
        write(ByteBuffer.allocate(4).putInt(chosen).array());
        Subtype subtype = subtype(chosen);
        if (!subtype.tls()) {
            return new Negotiated(subtype, null);
        }
        if (in.u8() != 1) {
            throw new VncAuthenticationException("server refused to start TLS for VeNCrypt " + name(chosen));
        }
        SSLEngine engine = subtype.x509() ? options.tlsTrust().clientEngine() : AnonymousTls.clientEngine();
        TlsStreams tls = new TlsStreams(engine, in.stream(), out);
        try {
            tls.handshake();
        } catch (SSLException e) {
            throw tlsFailure(subtype, e);
        }
        return new Negotiated(subtype, tls);
    }

    private VncAuthenticationException tlsFailure(Subtype subtype, SSLException e) {
        String what = "TLS handshake for VeNCrypt " + name(subtype.code()) + " failed: ";
        if (subtype.x509()) {
            return new VncAuthenticationException(what + "the server certificate is not trusted by "
                    + options.tlsTrust().describe() + " (" + rootMessage(e) + ")", e);
        }
        if (AnonymousTls.probablyBlocked(e)) {
            return new VncAuthenticationException(what + "this Java runtime refuses anonymous TLS: Java's TLS was"
                    + " already in use before the first VNC connection, so \"anon\" stays in " + AnonymousTls.PROPERTY
                    + " (" + rootMessage(e) + ")", e);
        }
        return new VncAuthenticationException(what + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Plain authentication: user name and password as UTF-8 with U32 lengths (inside TLS except for Plain). */
    static void plain(OutputStream out, VncOptions options) throws IOException {
        String user = options.username().get();
        if (user == null) {
            throw new VncAuthenticationException("server requires a user name and password (VeNCrypt Plain) and no"
                    + " user name was given");
        }
        char[] password = options.password().get();
        if (password == null) {
            throw new VncAuthenticationException("server requires a user name and password (VeNCrypt Plain) and no"
                    + " password was given");
        }
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        ByteBuffer pw = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        java.util.Arrays.fill(password, '\0');
        byte[] message = ByteBuffer.allocate(8 + u.length + pw.remaining()).putInt(u.length).putInt(pw.remaining())
                .put(u).put(pw).array();
        try {
            out.write(message);
            out.flush();
        } finally {
            java.util.Arrays.fill(message, (byte) 0);
            if (pw.hasArray()) {
                java.util.Arrays.fill(pw.array(), (byte) 0);
            }
        }
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    record Negotiated(Subtype subtype, TlsStreams tls) {
    }
}
