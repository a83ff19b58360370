package org.vireo.app.migrate;

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
import org.libvirt.DomainInfo;
import org.vireo.app.jobs.JobRegistry;
import org.vireo.app.jobs.JobTracking;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;
import org.vireo.connections.model.VmInfo;
import org.vireo.wizards.migrate.EvacuationViewModel;
import org.vireo.wizards.migrate.MigrationViewModel;

/** Evacuating host A with two running guests: the plan sends both to B, and both then run on B. */
@Tag("testbed")
class EvacuationTestbedTest {
    private static final String PREFIX = "vireo-evac";
    Testbed bed;
    TestGuests guests;
    final List<HostConnection> hosts = new ArrayList<>();

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

    private HostConnection connect(String uri) throws Exception {
        HostConnection h = new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), uri, null, null, true,
                false, null), HostConnection.Opener.direct(), Duration.ofSeconds(30), ReconnectPolicy.NEVER);
        hosts.add(h);
        h.connect().get(30, TimeUnit.SECONDS);
        return h;
    }

    @Test
    void bothRunningGuestsOfAEndOnB() throws Exception {
        List<String> names = List.of(TestGuests.uniqueName(PREFIX), TestGuests.uniqueName(PREFIX));
        Connect a = new Connect(bed.hostA().unixUri());
        try {
            for (String n : names) {
                Domain d = guests.define(a, n);
                d.create();
                d.free();
            }
        } finally {
            a.close();
        }
        HostConnection hostA = connect(bed.hostA().unixUri());
        HostConnection hostB = connect(bed.hostB().unixUri());
        EvacuationViewModel model = new EvacuationViewModel(new Migrator(), hostA, List.of(hostA, hostB),
                MigrationOptions.defaults(MigrationMode.LIVE).withAddresses("tcp://127.0.0.1", "127.0.0.1"),
                Runnable::run, new Messages(Locale.ROOT));

        model.plan().get(30, TimeUnit.SECONDS);
        List<EvacuationViewModel.Line> mine = model.lines().stream().filter(l -> names.contains(l.vm().name())).toList();
        assertEquals(2, mine.size(), "both guests are in the plan");
        mine.forEach(l -> assertEquals(hostB, l.targetProperty().get(), "planned to B: " + l.vm().name()));
        // Only this test's guests move: other guests on the shared host A stay where they are.
        model.lines().stream().filter(l -> !names.contains(l.vm().name())).forEach(l -> l.targetProperty().set(null));

        int moved = model.run().get(120, TimeUnit.SECONDS);

        assertEquals(2, moved, model.summaryProperty().get());
        Connect b = new Connect(bed.hostB().unixUri());
        try {
            for (String n : names) {
                Domain d = b.domainLookupByName(n);
                assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, d.getInfo().state, n);
                d.free();
            }
        } finally {
            b.close();
        }
        assertTrue(mine.stream().allMatch(l -> l.statusProperty().get().startsWith("on ")),
                mine.stream().map(l -> l.statusProperty().get()).toList().toString());
    }

    /** Evacuated from A to B, then migrated back through the dialog's model: both end as jobs with their results. */
    @Test
    void anEvacuationAndAMigrationEndAsJobsWithTheirResults() throws Exception {
        String name = TestGuests.uniqueName(PREFIX);
        Messages messages = new Messages(Locale.ROOT);
        JobRegistry registry = new JobRegistry();
        JobTracking tracking = new JobTracking(registry, messages);
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
}
