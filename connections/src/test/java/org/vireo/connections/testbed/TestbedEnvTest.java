package org.vireo.connections.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestbedEnvTest {

    @TempDir
    Path state;

    @Test
    void missingEnvFileSaysTheTestbedIsNotRunning() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Testbed.require(state));
        assertTrue(e.getMessage().startsWith("test bed not running: run testbed/start"), e.getMessage());
        assertTrue(e.getMessage().contains(state.resolve("env").toString()), e.getMessage());
    }

    @Test
    void missingSocketSaysTheTestbedIsNotRunning() throws IOException {
        writeEnv(false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Testbed.require(state));
        assertTrue(e.getMessage().startsWith("test bed not running: run testbed/start"), e.getMessage());
        assertTrue(e.getMessage().contains("a/run/libvirt-sock"), e.getMessage());
    }

    @Test
    void envFileValuesAreReadAsWritten() throws IOException {
        writeEnv(true);
        Testbed testbed = Testbed.require(state);
        assertEquals("qemu", testbed.virtType());
        assertEquals(state.resolve("ssh/id_ed25519"), testbed.sshKey());
        assertEquals(state.resolve("ssh/known_hosts"), testbed.knownHosts());
        assertEquals("qemu+unix:///system?socket=" + state.resolve("a/run/libvirt-sock"), testbed.hostA().unixUri());
        assertEquals("qemu+ssh://root@127.0.0.1:2223/system", testbed.hostB().sshUri());
        assertEquals(2222, testbed.hostA().sshPort());
        assertEquals("vireo-b", testbed.hostB().hostname());
        assertTrue(testbed.hostB().vncPortInRange(6900));
        assertTrue(!testbed.hostB().vncPortInRange(5900));
        assertEquals(50152, testbed.host("b").migrationPortMin());
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        writeEnv(true);
        Path env = state.resolve("env");
        Files.write(env, Files.readAllLines(env).stream().filter(l -> !l.startsWith("VIREO_TB_B_SSH_PORT")).toList());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Testbed.require(state));
        assertTrue(e.getMessage().contains("VIREO_TB_B_SSH_PORT is missing in " + env), e.getMessage());
    }

    @Test
    void repoRootIsTheFolderHoldingTestbedStart() throws IOException {
        Files.createDirectories(state.resolve("testbed"));
        Files.writeString(state.resolve("testbed/start"), "#!/bin/sh\n");
        Path deep = Files.createDirectories(state.resolve("connections/target/x"));
        assertEquals(state, Testbed.repoRoot(deep));
    }

    /** An env file in testbed/start's format for a bed in {@link #state}. */
    private void writeEnv(boolean withSockets) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# written by the test",
                "VIREO_TB_STATE=" + state,
                "VIREO_TB_VIRT_TYPE=qemu",
                "VIREO_TB_SSH_KEY=" + state.resolve("ssh/id_ed25519"),
                "VIREO_TB_KNOWN_HOSTS=" + state.resolve("ssh/known_hosts"),
                "VIREO_TB_SSH_COMMAND=" + state.resolve("ssh/ssh")));
        String[][] hosts = {{"a", "2222", "5900", "5999", "49152", "49200"}, {"b", "2223", "6900", "6999", "50152", "50200"}};
        for (String[] h : hosts) {
            String p = "VIREO_TB_" + h[0].toUpperCase() + "_";
            Path socket = state.resolve(h[0] + "/run/libvirt-sock");
            if (withSockets) {
                Files.createDirectories(socket.getParent());
                Files.createFile(socket);
            }
            lines.addAll(List.of(p + "HOSTNAME=vireo-" + h[0], p + "URI=qemu+unix:///system?socket=" + socket,
                    p + "SOCKET=" + socket, p + "SSH_PORT=" + h[1],
                    p + "SSH_URI=qemu+ssh://root@127.0.0.1:" + h[1] + "/system",
                    p + "VNC_MIN=" + h[2], p + "VNC_MAX=" + h[3],
                    p + "MIGRATION_PORT_MIN=" + h[4], p + "MIGRATION_PORT_MAX=" + h[5]));
            for (String kind : List.of("HOLDER", "VIRTLOGD", "LIBVIRTD", "SSHD")) {
                lines.add(p + "PID_" + kind + "=" + state.resolve(h[0] + "/pid/" + kind.toLowerCase() + ".pid"));
            }
        }
        Files.write(state.resolve("env"), lines);
    }
}
