package org.vireo.connections.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: real OpenSSH keys and fingerprints made by ssh-keygen. */
final class Keys {
    private Keys() {
    }

    /** Creates {@code file} and {@code file.pub} (ed25519 unless told), no passphrase. */
    static Path generate(Path file, String type) throws Exception {
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "vireo-test", "-f", file.toString()));
        return file;
    }

    /** The public key blob of {@code file.pub}. */
    static byte[] blob(Path privateKey) throws Exception {
        String[] pub = Files.readString(Path.of(privateKey + ".pub")).trim().split(" ");
        return Base64.getDecoder().decode(pub[1]);
    }

    /** {@code SHA256:...} as printed by {@code ssh-keygen -lf}. */
    static String fingerprint(Path privateKey) throws Exception {
        return run(List.of("ssh-keygen", "-lf", privateKey + ".pub")).split(" ")[1];
    }

    /** A known_hosts line {@code name type base64}. */
    static String line(String name, Path privateKey) throws Exception {
        String[] pub = Files.readString(Path.of(privateKey + ".pub")).trim().split(" ");
        return name + " " + pub[0] + " " + pub[1];
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
        return out;
    }
}
