package org.vireo.connections.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH known_hosts file: lookup with line numbers, hashed entries ({@code |1|salt|hmac}), patterns and
 * negations, {@code [host]:port} names. Unlike JSch's own KnownHosts, a non-22 port is looked up only as
 * {@code [host]:port}, never as plain {@code host} (OpenSSH behaves the same).
 */
public final class KnownHostsFile {

    /** One matching line. */
    public record Entry(int line, String marker, String keyType, byte[] key) {
        public String fingerprint() {
            return fingerprintOf(key);
        }
    }

    /** What the file says about a presented key. */
    public enum Status { KNOWN, CHANGED, REVOKED, UNKNOWN }

    /** @param conflicting for CHANGED/REVOKED: the line that disagrees with the presented key */
    public record Lookup(Status status, Entry conflicting) {}

    private final Path file;

    public KnownHostsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The name known_hosts stores for a host: {@code host} for port 22, {@code [host]:port} otherwise. */
    public static String hostName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** OpenSSH fingerprint {@code SHA256:<base64 without padding>} of a public key blob. */
    public static String fingerprintOf(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The algorithm name at the start of an SSH public key blob, e.g. {@code ssh-ed25519}. */
    public static String keyTypeOf(byte[] keyBlob) {
        if (keyBlob.length < 4) {
            throw new IllegalArgumentException("SSH key blob too short");
        }
        int len = ((keyBlob[0] & 0xff) << 24) | ((keyBlob[1] & 0xff) << 16) | ((keyBlob[2] & 0xff) << 8) | (keyBlob[3] & 0xff);
        if (len <= 0 || len > keyBlob.length - 4) {
            throw new IllegalArgumentException("SSH key blob with a bad type length");
        }
        return new String(keyBlob, 4, len, StandardCharsets.US_ASCII);
    }

    /** Checks the key a server presented against every line naming this host. */
    public Lookup check(String host, int port, byte[] presentedKey) throws IOException {
        String type = keyTypeOf(presentedKey);
        Entry changed = null;
        for (Entry e : entriesFor(host, port)) {
            boolean sameKey = e.keyType().equals(type) && Arrays.equals(e.key(), presentedKey);
            if ("@revoked".equals(e.marker())) {
                if (sameKey) {
                    return new Lookup(Status.REVOKED, e);
                }
            } else if (sameKey) {
                return new Lookup(Status.KNOWN, null);
            } else if (e.keyType().equals(type) && changed == null) {
                changed = e;
            }
        }
        return changed != null ? new Lookup(Status.CHANGED, changed) : new Lookup(Status.UNKNOWN, null);
    }

    /** Key types recorded for a host (OpenSSH prefers those when negotiating the host key algorithm). */
    public List<String> knownKeyTypes(String host, int port) throws IOException {
        List<String> types = new ArrayList<>();
        for (Entry e : entriesFor(host, port)) {
            if (e.marker().isEmpty() && !types.contains(e.keyType())) {
                types.add(e.keyType());
            }
        }
        return types;
    }

    /** All lines (without @cert-authority) whose host patterns match {@code host}/{@code port}. */
    public List<Entry> entriesFor(String host, int port) throws IOException {
        String name = hostName(host, port).toLowerCase(Locale.ROOT);
        List<Entry> found = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return found;
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("[ \t]+");
            if (f.length < 3 || f[0].startsWith("#")) {
                continue;
            }
            int at = 0;
            String marker = "";
            if (f[0].startsWith("@")) {
                marker = f[0];
                at = 1;
                if (f.length < 4) {
                    continue;
                }
            }
            if ("@cert-authority".equals(marker) || !matches(f[at], name)) {
                continue;
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(f[at + 2]);
            } catch (IllegalArgumentException badBase64) {
                continue; // OpenSSH also skips unparsable lines
            }
            found.add(new Entry(i + 1, marker, f[at + 1], key));
        }
        return found;
    }

    /** Appends a line for a newly accepted key, creating the file (and its folder) when missing. */
    public synchronized void append(String host, int port, byte[] key, boolean hashed) throws IOException {
        String name = hostName(host, port);
        String hostField = hashed ? hash(name) : name;
        String line = hostField + " " + keyTypeOf(key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline();
        Files.writeString(file, (needsNewline ? "\n" : "") + line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private boolean endsWithNewline() throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all[all.length - 1] == '\n';
    }

    /** OpenSSH host list semantics: any matching negated pattern excludes the line, else any positive match. */
    static boolean matches(String patterns, String name) {
        boolean positive = false;
        for (String p : patterns.split(",")) {
            boolean negated = p.startsWith("!");
            String pattern = negated ? p.substring(1) : p;
            boolean hit = pattern.startsWith("|1|") ? hashedMatches(pattern, name)
                    : glob(pattern.toLowerCase(Locale.ROOT), name);
            if (hit && negated) {
                return false;
            }
            positive |= hit;
        }
        return positive;
    }

    private static boolean hashedMatches(String pattern, String name) {
        String[] parts = pattern.substring(3).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            return MessageDigest.isEqual(hmacSha1(salt, name), expected);
        } catch (IllegalArgumentException badBase64) {
            return false;
        }
    }

    private static String hash(String name) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hmacSha1(salt, name));
    }

    private static byte[] hmacSha1(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
    }

    /** {@code *} and {@code ?} wildcards, as in OpenSSH's match_pattern. */
    static boolean glob(String pattern, String s) {
        return glob(pattern, 0, s, 0);
    }

    private static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
