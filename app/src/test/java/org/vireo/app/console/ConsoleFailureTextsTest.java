package org.vireo.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.task.Failures;
import org.vireo.connections.console.ConsoleConnector;
import org.vireo.connections.console.ConsoleLookup;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.VmOperations;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/** Why a VM's console cannot be shown or reached, in English (logs) and French (the console tab). */
class ConsoleFailureTextsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aVmWithoutGraphicsAndOneNotListeningAreExplainedInBothLanguages() throws Exception {
        try (HostConnection host = new HostConnection(ConnectionEntry.of(DemoHost.uri(dir.resolve("cache"))));
             SshSessions sessions = sessions()) {
            host.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, WAIT), WAIT);
            String builder1 = uuid(host, "builder1");

            ConsoleUnavailableException off = assertThrows(ConsoleUnavailableException.class,
                    () -> opener.locate(host, builder1));
            assertEquals(ConsoleLookup.Status.NOT_LISTENING, off.status());
            assertEquals("the VM's VNC server has no port or socket yet (is the VM running?)", off.getMessage());
            assertEquals("le serveur VNC de la VM n\u2019a encore ni port ni socket (la VM est-elle en marche\u00a0?)",
                    off.text().in(new Messages(Locale.FRENCH)));

            VmOperations ops = new VmOperations(host);
            String xml = ops.inactiveXml(builder1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ops.defineXml(builder1, xml.replace("type='vnc'", "type='spice'")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ConsoleUnavailableException spice = assertThrows(ConsoleUnavailableException.class,
                    () -> opener.locate(host, builder1));
            assertEquals(ConsoleLookup.Status.SPICE_ONLY, spice.status());
            assertEquals("the VM's console is SPICE, which Vireo does not support yet: add a VNC graphics device",
                    spice.getMessage());
            assertEquals("la console de la VM est en SPICE, que Vireo ne prend pas encore en charge\u00a0: ajoutez un "
                    + "p\u00e9riph\u00e9rique graphique VNC", spice.text().in(new Messages(Locale.FRENCH)));

            ops.defineXml(builder1, xml.replaceAll("(?s)<graphics[^>]*/>|<graphics.*?</graphics>", ""))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ConsoleUnavailableException none = assertThrows(ConsoleUnavailableException.class,
                    () -> opener.locate(host, builder1));
            assertEquals(ConsoleLookup.Status.NO_GRAPHICS, none.status());
            assertEquals("the VM has no graphics device", none.getMessage());
            assertEquals("la VM n\u2019a pas de p\u00e9riph\u00e9rique graphique", none.text().in(new Messages(Locale.FRENCH)));
        }
    }

    @Test
    void aHostThatIsNotConnectedIsExplainedInBothLanguages() {
        try (HostConnection host = new HostConnection(new ConnectionEntry("h", "test:///default", "offline", null, false,
                false, null));
             SshSessions sessions = sessions()) {
            VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, WAIT), WAIT);
            ConsoleFailedException e = assertThrows(ConsoleFailedException.class,
                    () -> opener.locate(host, "6f1c0b52-3d1a-4c55-9a51-0a5c0e8c7a01"));
            assertEquals("Error on offline: not connected", e.getMessage());
            assertEquals("Erreur sur offline\u00a0: non connect\u00e9", Failures.message(e, new Messages(Locale.FRENCH)));
        }
    }

    /** Never used to log in: the hosts here are local. */
    private SshSessions sessions() {
        SshSettings settings = new SshSettings(dir, dir.resolve("ssh_config"), dir.resolve("known_hosts"), null, "root",
                WAIT, SshSettings.KEEPALIVE_INTERVAL, SshSettings.KEEPALIVE_COUNT_MAX);
        return new SshSessions(settings, HostKeyPrompt.refuseUnknown(), AuthPrompt.none());
    }

    private static String uuid(HostConnection host, String name) {
        return host.snapshot().vms().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().uuid();
    }
}
