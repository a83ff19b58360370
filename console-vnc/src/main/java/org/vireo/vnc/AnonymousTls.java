package org.vireo.vnc;

import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Anonymous (unauthenticated) Diffie-Hellman TLS, which VeNCrypt's TLSNone/TLSVnc/TLSPlain use. Java 17
 * lists "anon" in {@code jdk.tls.disabledAlgorithms} and has no anonymous TLS 1.3 suites, so this removes
 * only that token from the security property (anonymous suites are still never enabled by default for
 * anyone else) and enables, on this engine alone, TLS 1.2 with the anonymous suites GnuTLS servers offer.
 * The JDK reads the property once, when its TLS classes first load: {@link VncClient} calls {@link #allow()}
 * when it loads; if something used TLS before that, the handshake fails and the message says so.
 */
final class AnonymousTls {
    static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    private static final List<String> SUITES = List.of(
            "TLS_ECDH_anon_WITH_AES_256_CBC_SHA", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA",
            "TLS_DH_anon_WITH_AES_256_GCM_SHA384", "TLS_DH_anon_WITH_AES_128_GCM_SHA256",
            "TLS_DH_anon_WITH_AES_256_CBC_SHA256", "TLS_DH_anon_WITH_AES_128_CBC_SHA256",
            "TLS_DH_anon_WITH_AES_256_CBC_SHA", "TLS_DH_anon_WITH_AES_128_CBC_SHA");

    private AnonymousTls() {
    }

    /** Removes "anon" from the disabled algorithms; call as early as possible (idempotent). */
    static synchronized void allow() {
        String disabled = Security.getProperty(PROPERTY);
        if (disabled == null) {
            return;
        }
        String kept = Arrays.stream(disabled.split(","))
                .map(String::strip)
                .filter(token -> !token.equalsIgnoreCase("anon"))
                .collect(Collectors.joining(", "));
        if (!kept.equals(disabled)) {
            Security.setProperty(PROPERTY, kept);
        }
    }

    static SSLEngine clientEngine() throws VncProtocolException {
        allow();
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            List<String> supported = Arrays.asList(engine.getSupportedCipherSuites());
            String[] suites = SUITES.stream().filter(supported::contains).toArray(String[]::new);
            if (suites.length == 0) {
                throw new VncProtocolException("this Java runtime refuses anonymous TLS, which the server's VeNCrypt"
                        + " TLSNone/TLSVnc/TLSPlain needs: Java's TLS was in use before the first VNC connection, so"
                        + " \"anon\" stays in " + PROPERTY);
            }
            engine.setEnabledProtocols(new String[] {"TLSv1.2"});
            engine.setEnabledCipherSuites(suites);
            return engine;
        } catch (GeneralSecurityException e) {
            throw new VncProtocolException("TLS is unavailable in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** True if the JDK still refuses anonymous suites (its TLS classes loaded before {@link #allow()}). */
    static boolean probablyBlocked(Throwable handshakeError) {
        for (Throwable t = handshakeError; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No appropriate protocol") || m.contains("cipher suites are inappropriate"))) {
                return true;
            }
        }
        return false;
    }
}
