package org.vireo.connections.ssh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.vireo.resources.Text;

/**
 * What the user typed (passphrases, passwords), kept in memory for this application session only so a
 * reconnect does not ask again. Never written anywhere; {@link #close()} overwrites every secret.
 */
public final class Credentials implements AutoCloseable {
    private final Map<String, char[]> secrets = new HashMap<>();

    private static final String PASSPHRASE = "passphrase:";

    static String passphraseKey(String keyFile) {
        return PASSPHRASE + keyFile;
    }

    /** What a key names for the user: "the password" or "the passphrase for FILE". */
    static Text describe(String key) {
        return key.startsWith(PASSPHRASE) ? Text.of("ssh.secret.passphrase", key.substring(PASSPHRASE.length()))
                : Text.of("ssh.secret.password");
    }

    static String passwordKey(String destination) {
        return "password:" + destination;
    }

    /** A copy of the cached secret, or null. */
    public synchronized char[] get(String key) {
        char[] s = secrets.get(key);
        return s == null ? null : s.clone();
    }

    /** Stores a copy; the caller keeps (and should clear) its own array. */
    public synchronized void put(String key, char[] secret) {
        forget(key);
        secrets.put(key, secret.clone());
    }

    public synchronized void forget(String key) {
        char[] old = secrets.remove(key);
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    public synchronized int size() {
        return secrets.size();
    }

    @Override
    public synchronized void close() {
        secrets.values().forEach(s -> Arrays.fill(s, '\0'));
        secrets.clear();
    }
}
