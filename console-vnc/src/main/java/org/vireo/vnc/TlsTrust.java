package org.vireo.vnc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the server's X.509 certificate is judged for the VeNCrypt X509* subtypes (docs/decisions/0009-vnc-tls.md):
 * against a CA the user configured (the PKIX path, and the host name when one is given), or pinned on first
 * use in a store like SSH's known_hosts. {@link #none()} refuses every X509 subtype with a clear message.
 */
public sealed interface TlsTrust permits TlsTrust.None, TlsTrust.CaFile, TlsTrust.Pinned {

    /** No certificate can be trusted: X509 subtypes fail, anonymous TLS still works. */
    static TlsTrust none() {
        return new None();
    }

    /**
     * @param caPem    PEM file with one or more CA certificates (e.g. libvirt's {@code ca-cert.pem})
     * @param hostName checked against the certificate's names when not null; null when the connection goes
     *                 through a tunnel whose local address says nothing about the server
     */
    static TlsTrust caFile(Path caPem, String hostName) {
        return new CaFile(caPem, hostName);
    }

    /** Trust on first use: the first certificate seen for {@code endpoint} is recorded, a different one refused. */
    static TlsTrust pinned(CertificatePins pins, String endpoint) {
        return new Pinned(pins, endpoint);
    }

    /** An engine in client mode that verifies the server as this policy says. */
    SSLEngine clientEngine() throws IOException;

    /** A short description for error messages. */
    String describe();

    record None() implements TlsTrust {
        @Override
        public SSLEngine clientEngine() throws IOException {
            throw new VncAuthenticationException("the server wants TLS with an X.509 certificate, and no CA or"
                    + " certificate store is configured to verify it");
        }

        @Override
        public String describe() {
            return "no trust configured";
        }
    }

    record CaFile(Path caPem, String hostName) implements TlsTrust {
        public CaFile {
            Objects.requireNonNull(caPem, "caPem");
        }

        @Override
        public SSLEngine clientEngine() throws IOException {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                Collection<? extends Certificate> cas;
                try (InputStream in = Files.newInputStream(caPem)) {
                    cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                if (cas.isEmpty()) {
                    throw new VncAuthenticationException("the CA file " + caPem + " holds no certificate");
                }
                int i = 0;
                for (Certificate ca : cas) {
                    store.setCertificateEntry("ca" + i++, ca);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                SSLEngine engine = context(tmf.getTrustManagers()).createSSLEngine(hostName, -1);
                engine.setUseClientMode(true);
                if (hostName != null) {
                    SSLParameters p = engine.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    engine.setSSLParameters(p);
                }
                return engine;
            } catch (GeneralSecurityException e) {
                throw new VncAuthenticationException("cannot read the CA file " + caPem + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "the CA in " + caPem + (hostName == null ? "" : " for host " + hostName);
        }
    }

    record Pinned(CertificatePins pins, String endpoint) implements TlsTrust {
        public Pinned {
            Objects.requireNonNull(pins, "pins");
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public SSLEngine clientEngine() throws IOException {
            SSLEngine engine = context(new TrustManager[] {pins.trustManager(endpoint)}).createSSLEngine();
            engine.setUseClientMode(true);
            return engine;
        }

        @Override
        public String describe() {
            return "the certificate pinned for " + endpoint + " in " + pins.file();
        }
    }

    private static SSLContext context(TrustManager[] trust) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new VncProtocolException("TLS is unavailable in this Java runtime: " + e.getMessage(), e);
        }
    }
}
