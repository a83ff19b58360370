package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Password logins against a real sshd that takes root's password by the "password" method and, as most
 * distributions configure it, by "keyboard-interactive" through PAM ({@link TestSshd#startWithPassword}).
 */
@Tag("testbed")
class SshPasswordLoginSshdTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String PASSWORD = "Correct horse 42";

    @TempDir
    Path dir;
    final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestSshd.PasswordMethod.class)
    void rightPasswordLogsInOnceAndIsNotAskedAgainNorWritten(TestSshd.PasswordMethod method) throws Exception {
        TestSshd sshd = server(method);
        SshSessions sessions = sessions(() -> PASSWORD.toCharArray());
        SshSession session = sessions.open(target(sshd));
        assertEquals("root\n", RemoteCommand.run(session, List.of("id", "-un"), T).stdout());
        assertEquals(List.of("root@127.0.0.1:" + sshd.port()), asked);

        sessions.disconnect(session);
        SshSession again = sessions.open(target(sshd));
        assertTrue(again.isConnected());
        assertEquals(1, asked.size(), "a reconnect in the same application session asks nothing");
        try (Stream<Path> files = Files.walk(dir.resolve("home"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(PASSWORD), "password written to " + file);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestSshd.PasswordMethod.class)
    void wrongPasswordIsAskedThreeTimesThenAClearError(TestSshd.PasswordMethod method) throws Exception {
        TestSshd sshd = server(method);
        SshAuthException e = assertThrows(SshAuthException.class,
                () -> sessions(() -> "wrong".toCharArray()).open(target(sshd)));
        assertEquals("Authentication to root@127.0.0.1:" + sshd.port() + " failed: the password was refused 3 times",
                e.getMessage());
        assertEquals(3, asked.size());
    }

    @ParameterizedTest
    @EnumSource(TestSshd.PasswordMethod.class)
    void cancelledPromptSaysCancelled(TestSshd.PasswordMethod method) throws Exception {
        TestSshd sshd = server(method);
        SshAuthException e = assertThrows(SshAuthException.class, () -> sessions(() -> null).open(target(sshd)));
        assertEquals("Login to root@127.0.0.1:" + sshd.port() + " cancelled", e.getMessage());
        assertEquals(1, asked.size());
    }

    private TestSshd server(TestSshd.PasswordMethod method) throws Exception {
        TestSshd sshd = TestSshd.startWithPassword(dir.resolve("sshd"), PASSWORD, method);
        cleanup.add(sshd);
        return sshd;
    }

    /** No agent and no key: the password is the only way in. */
    private SshSessions sessions(Supplier<char[]> password) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        SshSettings settings = new SshSettings(home, home.resolve(".ssh/config"), home.resolve(".ssh/known_hosts"),
                null, "root", T, SshSettings.KEEPALIVE_INTERVAL, SshSettings.KEEPALIVE_COUNT_MAX);
        SshSessions sessions = new SshSessions(settings, key -> HostKeyPrompt.Decision.ACCEPT_ONCE, new AuthPrompt() {
            @Override
            public char[] passphrase(String keyFile) {
                throw new AssertionError("no key is offered, yet a passphrase was asked for " + keyFile);
            }

            @Override
            public char[] password(String destination) {
                asked.add(destination);
                return password.get();
            }

            @Override
            public char[][] keyboardInteractive(String destination, String name, String instruction,
                                                List<Question> questions) {
                throw new AssertionError("PAM's lone Password: question goes through password(): " + questions);
            }
        });
        cleanup.add(sessions);
        return sessions;
    }

    private static SshTarget target(TestSshd sshd) {
        return new SshTarget("root", "127.0.0.1", sshd.port(), List.of(), null);
    }
}
