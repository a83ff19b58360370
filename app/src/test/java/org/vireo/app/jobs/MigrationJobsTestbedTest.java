package org.vireo.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;
import org.vireo.wizards.migrate.EvacuationViewModel;
import org.vireo.wizards.migrate.MigrationViewModel;

/**
 * A guest of the test bed evacuated from A to B, then migrated back through the migration dialog's model: both
 * appear as jobs with their results, as the jobs panel lists them.
 */
@Tag("testbed")
class MigrationJobsTestbedTest {
    private static final String PREFIX = "vireo-finjob";
    private final Messages messages = new Messages(Locale.ROOT);
    private final JobRegistry registry = new JobRegistry();
    private final JobTracking tracking = new JobTracking(registry, messages);
    private final List<HostConnection> hosts = new ArrayList<>();
    private Testbed bed;
    private TestGuests guests;

    @BeforeEach
    void setUp() {
        bed = Testbed.require();
        guests = new TestGuests(bed);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HostConnection h : hosts) {
            h.closeAsync().get(20, TimeUnit.SECONDS);
        }
        for (Testbed.Host h : bed.hosts()) {
            Connect c = new Connect(h.unixUri());
            try {
                guests.cleanup(c, PREFIX);
            } finally {
                c.close();
            }
        }
    }

    @Test
    void anEvacuationAndAMigrationEndAsJobsWithTheirResults() throws Exception {
        String name = TestGuests.uniqueName(PREFIX);
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            Domain d = guests.define(a, name);
            d.create();
            d.free();
        } finally {
            a.close();
        }
        HostConnection hostA = connect(bed.hostA().unixUri());
        HostConnection hostB = connect(bed.hostB().unixUri());
        MigrationOptions options = MigrationOptions.defaults(MigrationMode.LIVE).withAddresses("tcp://127.0.0.1", "127.0.0.1");

        EvacuationViewModel evacuation = new EvacuationViewModel(new Migrator(), hostA, List.of(hostA, hostB), options,
                Runnable::run, messages);
        tracking.evacuation(evacuation, () -> false);
        evacuation.plan().get(30, TimeUnit.SECONDS);
        // Only this test's guest moves: the shared host A's other guests stay.
        evacuation.lines().stream().filter(l -> !l.vm().name().equals(name)).forEach(l -> l.targetProperty().set(null));
        evacuation.run().get(120, TimeUnit.SECONDS);

        JobRegistry.Job evacuated = registry.jobs().get(0);
        assertEquals(JobRegistry.Kind.EVACUATION, evacuated.kind());
        assertEquals(JobRegistry.State.SUCCEEDED, evacuated.state(), evacuated.toString());
        assertEquals(evacuation.summaryProperty().get(), evacuated.result());
        assertTrue(evacuated.result().startsWith("1 of "), evacuated.result());

        hostB.refresh().get(30, TimeUnit.SECONDS);
        VmInfo onB = hostB.snapshot().vms().stream().filter(v -> v.name().equals(name))
                .findFirst().orElseThrow();
        MigrationViewModel back = new MigrationViewModel(new Migrator(), hostB, onB, List.of(hostA, hostB), Runnable::run,
                messages);
        tracking.migration(back, () -> true);
        back.apply(options);
        back.selectDestination(hostA.id());
        back.recheck().get(30, TimeUnit.SECONDS);
        back.start().get(120, TimeUnit.SECONDS);

        JobRegistry.Job migrated = registry.jobs().get(0);
        assertEquals(JobRegistry.Kind.MIGRATION, migrated.kind());
        assertEquals(JobRegistry.State.SUCCEEDED, migrated.state(), migrated.toString());
        assertEquals(back.resultTextProperty().get(), migrated.result());
        assertTrue(migrated.result().startsWith(name + " now runs on"), migrated.result());
        assertTrue(migrated.title().startsWith("Migrate " + name + " to "), migrated.title());
        assertTrue(registry.shownInOwnView(migrated.id()), "its dialog showed the end");
        assertEquals(0, registry.runningCount());
    }

    private HostConnection connect(String uri) throws Exception {
        HostConnection h = new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), uri, null, null, true,
                false, null), HostConnection.Opener.direct(), Duration.ofSeconds(30), ReconnectPolicy.NEVER);
        hosts.add(h);
        h.connect().get(30, TimeUnit.SECONDS);
        return h;
    }
}
