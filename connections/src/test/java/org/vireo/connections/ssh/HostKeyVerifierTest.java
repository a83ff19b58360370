package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyVerifierTest {
    @TempDir
    Path dir;
    Path knownHosts;
    Path keyA;
    Path keyB;
    final List<UnknownHostKey> asked = new ArrayList<>();

    @BeforeEach
    void keys() throws Exception {
        knownHosts = dir.resolve("known_hosts");
        keyA = Keys.generate(dir.resolve("a"), "ed25519");
        keyB = Keys.generate(dir.resolve("b"), "ed25519");
    }

    private HostKeyVerifier verifier(HostKeyPrompt.Decision answer) {
        return new HostKeyVerifier(new KnownHostsFile(knownHosts), key -> {
            asked.add(key);
            return answer;
        }, false);
    }

    @Test
    void knownKeyPassesWithoutPrompt() throws Exception {
        Files.writeString(knownHosts, "# comment\n" + Keys.line("[127.0.0.1]:2222", keyA) + "\n");
        verifier(HostKeyPrompt.Decision.REJECT).verify("127.0.0.1", 2222, Keys.blob(keyA));
        assertEquals(List.of(), asked);
    }

    @Test
    void nonStandardPortIsNotLookedUpAsPlainHost() throws Exception {
        Files.writeString(knownHosts, Keys.line("127.0.0.1", keyA) + "\n");
        assertThrows(HostKeyRejectedException.class,
                () -> verifier(HostKeyPrompt.Decision.REJECT).verify("127.0.0.1", 2222, Keys.blob(keyA)));
        assertEquals(1, asked.size(), "an entry for port 22 must not vouch for port 2222");
    }

    @Test
    void unknownKeyAsksWithTypeAndSshKeygenFingerprint() throws Exception {
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> verifier(HostKeyPrompt.Decision.REJECT).verify("h.example", 22, Keys.blob(keyA)));
        assertEquals(List.of(new UnknownHostKey("h.example", 22, "ssh-ed25519", Keys.fingerprint(keyA))), asked);
        assertTrue(e.getMessage().contains(Keys.fingerprint(keyA)), e.getMessage());
        assertTrue(Files.notExists(knownHosts), "a rejected key must not be written");
    }

    @Test
    void acceptOnceDoesNotWrite() throws Exception {
        verifier(HostKeyPrompt.Decision.ACCEPT_ONCE).verify("h", 22, Keys.blob(keyA));
        assertTrue(Files.notExists(knownHosts));
    }

    @Test
    void acceptAndSaveAppendsALineOpenSshUnderstands() throws Exception {
        Files.writeString(knownHosts, Keys.line("other", keyB)); // no trailing newline
        verifier(HostKeyPrompt.Decision.ACCEPT_AND_SAVE).verify("127.0.0.1", 2222, Keys.blob(keyA));
        // ssh-keygen -F finds it under OpenSSH's own name for the port
        String found = Keys.run(List.of("ssh-keygen", "-F", "[127.0.0.1]:2222", "-f", knownHosts.toString()));
        assertTrue(found.contains(Keys.line("[127.0.0.1]:2222", keyA)), found);
        asked.clear();
        verifier(HostKeyPrompt.Decision.REJECT).verify("127.0.0.1", 2222, Keys.blob(keyA));
        assertEquals(List.of(), asked, "second check must not ask again");
    }

    @Test
    void hashedEntriesMadeBySshKeygenAreRecognised() throws Exception {
        Files.writeString(knownHosts, Keys.line("[127.0.0.1]:2222", keyA) + "\n" + Keys.line("plain.example", keyB) + "\n");
        Keys.run(List.of("ssh-keygen", "-H", "-f", knownHosts.toString()));
        assertTrue(Files.readString(knownHosts).startsWith("|1|"), "ssh-keygen -H should hash the file");
        HostKeyVerifier v = verifier(HostKeyPrompt.Decision.REJECT);
        v.verify("127.0.0.1", 2222, Keys.blob(keyA));
        v.verify("PLAIN.example", 22, Keys.blob(keyB));
        assertEquals(List.of(), asked);
        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> v.verify("127.0.0.1", 2222, Keys.blob(keyB)));
        assertTrue(e.knownHostsLocation().endsWith("known_hosts:1"), e.knownHostsLocation());
    }

    @Test
    void savedHashedLineIsFoundBySshKeygen() throws Exception {
        new HostKeyVerifier(new KnownHostsFile(knownHosts), k -> HostKeyPrompt.Decision.ACCEPT_AND_SAVE, true)
                .verify("127.0.0.1", 2222, Keys.blob(keyA));
        assertTrue(Files.readString(knownHosts).startsWith("|1|"));
        String found = Keys.run(List.of("ssh-keygen", "-F", "[127.0.0.1]:2222", "-f", knownHosts.toString()));
        assertTrue(found.contains("ssh-ed25519"), found);
    }

    @Test
    void changedKeyIsRefusedNamingBothFingerprintsAndTheLine() throws Exception {
        Files.writeString(knownHosts, "# first\n\n" + Keys.line("h,[h]:2222", keyA) + "\n");
        String before = Files.readString(knownHosts);
        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> verifier(HostKeyPrompt.Decision.ACCEPT_AND_SAVE).verify("h", 2222, Keys.blob(keyB)));
        assertEquals(List.of(), asked, "a changed key is never offered for acceptance");
        assertTrue(e.getMessage().contains(Keys.fingerprint(keyA)), e.getMessage());
        assertTrue(e.getMessage().contains(Keys.fingerprint(keyB)), e.getMessage());
        assertTrue(e.getMessage().contains(knownHosts + ":3"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-ed25519"), e.getMessage());
        assertEquals(before, Files.readString(knownHosts));
    }

    @Test
    void keyOfAnotherTypeIsUnknownNotChanged() throws Exception {
        Path rsa = Keys.generate(dir.resolve("r"), "rsa");
        Files.writeString(knownHosts, Keys.line("h", rsa) + "\n");
        assertThrows(HostKeyRejectedException.class,
                () -> verifier(HostKeyPrompt.Decision.REJECT).verify("h", 22, Keys.blob(keyA)));
        assertEquals(1, asked.size());
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        Files.writeString(knownHosts, "@revoked * " + Keys.line("", keyA).substring(1) + "\n" + Keys.line("h", keyA) + "\n");
        assertThrows(HostKeyChangedException.class,
                () -> verifier(HostKeyPrompt.Decision.ACCEPT_ONCE).verify("h", 22, Keys.blob(keyA)));
    }

    @Test
    void patternsAndNegation() {
        assertTrue(KnownHostsFile.matches("*.example,!bad.example", "good.example"));
        assertTrue(!KnownHostsFile.matches("*.example,!bad.example", "bad.example"));
        assertTrue(KnownHostsFile.matches("h?st", "host"));
    }

    @Test
    void cliPolicies() {
        UnknownHostKey k = new UnknownHostKey("h", 22, "ssh-ed25519", "SHA256:x");
        assertEquals(HostKeyPrompt.Decision.REJECT, HostKeyPrompt.refuseUnknown().ask(k));
        assertEquals(HostKeyPrompt.Decision.ACCEPT_AND_SAVE, HostKeyPrompt.acceptNew().ask(k));
    }
}
