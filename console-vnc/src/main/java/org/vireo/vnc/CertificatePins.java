package org.vireo.vnc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.X509TrustManager;

/**
 * Trust-on-first-use store for VNC server certificates, like SSH's known_hosts: one line per endpoint,
 * {@code ENDPOINT SHA256-HEX}. The first certificate an endpoint shows is recorded; a different one later
 * is refused with both fingerprints and the file to edit.
 */
public final class CertificatePins {
    private final Path file;

    public CertificatePins(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** The fingerprint recorded for {@code endpoint}, if any. */
    public synchronized Optional<String> pinned(String endpoint) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals(endpoint)) {
                return Optional.of(parts[1]);
            }
        }
        return Optional.empty();
    }

    /** Accepts the certificate if it is the pinned one or the first for the endpoint; else throws. */
    public synchronized void check(String endpoint, X509Certificate leaf) throws CertificateException {
        if (endpoint.isBlank() || endpoint.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("endpoint \"" + endpoint + "\" must be one word");
        }
        String seen = fingerprint(leaf);
        try {
            Optional<String> pinned = pinned(endpoint);
            if (pinned.isEmpty()) {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, endpoint + " " + seen + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else if (!pinned.get().equalsIgnoreCase(seen)) {
                throw new CertificateException("the VNC server certificate of " + endpoint + " changed: pinned SHA-256 "
                        + pinned.get() + ", now " + seen + " (" + leaf.getSubjectX500Principal().getName()
                        + "). If the change is expected, remove the line for " + endpoint + " from " + file);
            }
        } catch (IOException e) {
            throw new CertificateException("cannot read or write the certificate store " + file + ": " + e.getMessage(), e);
        }
    }

    X509TrustManager trustManager(String endpoint) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("a VNC client does not judge client certificates");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("the server sent no certificate");
                }
                chain[0].checkValidity();
                check(endpoint, chain[0]);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    /** Lower-case hex SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate cert) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
