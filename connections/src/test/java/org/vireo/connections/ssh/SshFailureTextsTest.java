package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.resources.Messages;
import org.vireo.resources.Text;

/** Each kind of SSH failure says itself in French for the window and in English for the CLI, from real failures. */
class SshFailureTextsTest {
    private static final Messages FRENCH = new Messages(Locale.FRENCH);

    @TempDir
    Path dir;

    private HostKeyVerifier verifier(Path knownHosts, HostKeyPrompt.Decision answer) {
        return new HostKeyVerifier(new KnownHostsFile(knownHosts), key -> answer, false);
    }

    @Test
    void changedHostKeyNamesBothFingerprintsAndTheLineInFrench() throws Exception {
        Path a = Keys.generate(dir.resolve("a"), "ed25519");
        Path b = Keys.generate(dir.resolve("b"), "ed25519");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "# c\n" + Keys.line("node1", a) + "\n");
        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> verifier(knownHosts, HostKeyPrompt.Decision.ACCEPT_ONCE).verify("node1", 22, Keys.blob(b)));
        String old = Keys.fingerprint(a);
        String now = Keys.fingerprint(b);
        assertEquals("ATTENTION\u00a0: la cl\u00e9 d\u2019h\u00f4te ssh-ed25519 de node1 a CHANG\u00c9. Quelqu\u2019un intercepte"
                + " peut-\u00eatre la connexion, ou l\u2019h\u00f4te a \u00e9t\u00e9 r\u00e9install\u00e9. Cl\u00e9 connue\u00a0: " + old
                + "\u00a0; cl\u00e9 pr\u00e9sent\u00e9e\u00a0: " + now + ". Connexion refus\u00e9e. Si le changement est attendu,"
                + " supprimez la ligne " + knownHosts + ":2 et reconnectez-vous.", e.text().in(FRENCH));
        assertEquals("WARNING: the ssh-ed25519 host key of node1 has CHANGED. Someone may be intercepting the connection,"
                + " or the host was reinstalled. Known key: " + old + "; key presented now: " + now + ". Connection refused."
                + " If the change is expected, remove line " + knownHosts + ":2 and connect again.", e.getMessage());
    }

    @Test
    void revokedHostKeySaysRevokedInFrench() throws Exception {
        Path a = Keys.generate(dir.resolve("a"), "ed25519");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "@revoked * " + Keys.line("", a).substring(1) + "\n");
        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> verifier(knownHosts, HostKeyPrompt.Decision.ACCEPT_ONCE).verify("h", 22, Keys.blob(a)));
        assertEquals(true, e.revoked());
        assertEquals("ATTENTION\u00a0: la cl\u00e9 d\u2019h\u00f4te ssh-ed25519 de h (" + Keys.fingerprint(a)
                + ") est marqu\u00e9e @revoked dans " + knownHosts + ":1. Connexion refus\u00e9e.", e.text().in(FRENCH));
    }

    @Test
    void refusedUnknownKeyInFrench() throws Exception {
        Path a = Keys.generate(dir.resolve("a"), "ed25519");
        Path knownHosts = dir.resolve("known_hosts");
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> verifier(knownHosts, HostKeyPrompt.Decision.REJECT).verify("10.0.0.5", 2222, Keys.blob(a)));
        assertEquals("La cl\u00e9 d\u2019h\u00f4te ssh-ed25519 de [10.0.0.5]:2222 (" + Keys.fingerprint(a) + ") n\u2019est pas"
                + " dans " + knownHosts + " et n\u2019a pas \u00e9t\u00e9 accept\u00e9e. V\u00e9rifiez l\u2019empreinte aupr\u00e8s de"
                + " l\u2019administrateur de l\u2019h\u00f4te, puis acceptez-la.", e.text().in(FRENCH));
        assertEquals("The ssh-ed25519 host key of [10.0.0.5]:2222 (" + Keys.fingerprint(a) + ") is not in " + knownHosts
                + " and was not accepted. Check the fingerprint with the host's administrator, then accept it.",
                e.getMessage());
    }

    @Test
    void refusedTcpConnectionInFrenchWithTheSystemsOwnReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path home = Files.createDirectories(dir.resolve("home/.ssh")).getParent();
        SshSettings settings = new SshSettings(home, home.resolve(".ssh/config"), home.resolve(".ssh/known_hosts"), null,
                "root", Duration.ofSeconds(5), SshSettings.KEEPALIVE_INTERVAL, SshSettings.KEEPALIVE_COUNT_MAX);
        int p = port;
        try (SshSessions pool = new SshSessions(settings, key -> HostKeyPrompt.Decision.REJECT, AuthPrompt.none())) {
            SshException e = assertThrows(SshException.class,
                    () -> pool.open(new SshTarget("root", "127.0.0.1", p, List.of(), null)));
            assertEquals("Impossible de se connecter \u00e0 root@127.0.0.1:" + port
                    + "\u00a0: java.net.ConnectException: Connection refused", e.text().in(FRENCH));
            assertEquals("Cannot connect to root@127.0.0.1:" + port + ": java.net.ConnectException: Connection refused",
                    e.getMessage());
        }
    }

    @Test
    void lostSessionReasonsInFrench() {
        SshSession.ReasonLogger quiet = new SshSession.ReasonLogger(9000);
        assertEquals("ferm\u00e9e par le serveur", quiet.lastFailure().in(FRENCH));
        SshSession.ReasonLogger stalled = new SshSession.ReasonLogger(9000);
        stalled.log(com.jcraft.jsch.Logger.INFO, "Caught an exception, leaving main loop due to Socket timeout");
        assertEquals("Connexion SSH \u00e0 root@h:22 perdue\u00a0: pas de r\u00e9ponse au keepalive depuis 9 s",
                Text.of("ssh.lost", "root@h:22", stalled.lastFailure()).in(FRENCH));
        assertEquals("no answer to keepalive for 9 s", stalled.lastFailure().english());
    }

    @Test
    void exhaustedAndCancelledLoginsInFrench() {
        Text via = Text.of("ssh.through", "root@node2:22", "root@gw:22");
        assertEquals("\u00c9chec de l\u2019authentification sur root@node2:22 (via root@gw:22)\u00a0: 3 refus successifs pour"
                + " la phrase de passe de /home/u/.ssh/id_ed25519", Text.of("ssh.authExhausted", via,
                Credentials.describe(Credentials.passphraseKey("/home/u/.ssh/id_ed25519")), 3).in(FRENCH));
        assertEquals("Authentication to root@node2:22 (through root@gw:22) failed: the password was refused 3 times",
                Text.of("ssh.authExhausted", via, Credentials.describe(Credentials.passwordKey("root@node2")), 3).english());
        assertEquals("Connexion \u00e0 root@node2:22 (via root@gw:22) annul\u00e9e", Text.of("ssh.loginCancelled", via).in(FRENCH));
    }
}
