package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.resources.Messages;

class MigrationTargetsTest {
    private final Messages english = new Messages(Locale.ROOT);

    @Test
    void aConnectedHostOfTheSameHypervisorTakesTheVm() {
        assertEquals(Optional.empty(), MigrationTargets.whyNot(host("a", "QEMU", true), host("b", "QEMU", true), english));
    }

    @Test
    void eachRefusalSaysWhyNamingTheHost() {
        assertEquals(Optional.of("the VM is already on a"),
                MigrationTargets.whyNot(host("a", "QEMU", true), host("a", "QEMU", true), english));
        assertEquals(Optional.of("b is not connected"),
                MigrationTargets.whyNot(host("a", "QEMU", true), host("b", "QEMU", false), english));
        assertEquals(Optional.of("a is not connected"),
                MigrationTargets.whyNot(host("a", "QEMU", false), host("b", "QEMU", true), english));
        assertEquals(Optional.of("b runs Xen, the VM needs QEMU"),
                MigrationTargets.whyNot(host("a", "QEMU", true), host("b", "Xen", true), english));
    }

    @Test
    void refusalsFollowTheWindowsLanguage() {
        String french = MigrationTargets.whyNot(host("a", "QEMU", true), host("b", "QEMU", false),
                new Messages(Locale.FRENCH)).orElseThrow();
        assertEquals(new Messages(Locale.FRENCH).get("target.notConnected", "b"), french);
        org.junit.jupiter.api.Assertions.assertNotEquals("b is not connected", french, "French differs from English: " + french);
    }

    private static HostSnapshot host(String name, String hypervisor, boolean connected) {
        HostInfo info = new HostInfo(name, hypervisor, "8.0.0", "9.0.0", "x86_64", 2, 1, 2, 1, 4_000_000);
        return new HostSnapshot(name, "qemu+ssh://" + name + "/system", name,
                connected ? ConnectionState.CONNECTED : ConnectionState.DISCONNECTED, null, info, List.of());
    }
}
