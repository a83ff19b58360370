package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/** vireo migrate against the test bed: a running guest moves from A to B; a name clash on B exits 1. */
@Tag("testbed")
class MigrateCommandTestbedTest {
    private static final String PREFIX = "vireo-migcli";
    @TempDir
    Path dir;
    Testbed bed;
    TestGuests onA;
    TestGuests onB;

    @BeforeEach
    void setUp() {
        bed = Testbed.require();
        onA = new TestGuests(bed);
        onB = new TestGuests(bed);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Testbed.Host h : bed.hosts()) {
            Connect c = new Connect(h.unixUri());
            try {
                onA.cleanup(c, PREFIX);
                onB.cleanup(c, PREFIX);
            } finally {
                c.close();
            }
        }
    }

    private CliRun migrate(String name) {
        return CliRun.run(CliRun.environment(dir, dir.resolve("home"), Duration.ofSeconds(30)), "migrate", name,
                "--from", bed.hostA().unixUri(), "--to", bed.hostB().unixUri(), "--migrate-uri", "tcp://127.0.0.1",
                "--listen-address", "127.0.0.1");
    }

    private String started(String name) throws Exception {
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            Domain d = onA.define(a, name);
            d.create();
            String uuid = d.getUUIDString();
            d.free();
            return uuid;
        } finally {
            a.close();
        }
    }

    @Test
    void aRunningGuestMovesToBAndTheCommandSaysSo() throws Exception {
        String name = TestGuests.uniqueName(PREFIX);
        String uuid = started(name);

        CliRun r = migrate(name);

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("migrated " + name + " to " + bed.hostB().unixUri()) && r.out().contains("(running there)"),
                r.toString());
        Connect b = new Connect(bed.hostB().unixUri());
        try {
            Domain d = b.domainLookupByUUIDString(uuid);
            assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, d.getInfo().state);
            d.free();
        } finally {
            b.close();
        }
        System.out.println("[migration] CLI: " + r.out().lines().filter(l -> l.startsWith("migrated")).findFirst().orElse(""));
    }

    @Test
    void aNameTakenOnBExits1WithTheReason() throws Exception {
        String name = TestGuests.uniqueName(PREFIX);
        started(name);
        Connect b = new Connect(bed.hostB().unixUri());
        try {
            onB.define(b, name).free();
        } finally {
            b.close();
        }

        CliRun r = migrate(name);

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("already has a VM named '" + name + "'"), r.toString());
    }
}
