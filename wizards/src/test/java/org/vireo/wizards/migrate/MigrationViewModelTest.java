package org.vireo.wizards.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/** The dialog's state on libvirt's test driver: destinations, defaults, validation and inline pre-checks. */
class MigrationViewModelTest {
    HostConnection source;
    HostConnection sameHostAgain;
    HostConnection offline;

    private static HostConnection host() {
        return new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), "test:///default", null, null, false,
                false, null), HostConnection.Opener.direct(), Duration.ofSeconds(30));
    }

    @BeforeEach
    void setUp() throws Exception {
        source = host();
        sameHostAgain = host();
        offline = host();
        source.connect().get(10, TimeUnit.SECONDS);
        sameHostAgain.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        List.of(source, sameHostAgain, offline).forEach(HostConnection::close);
    }

    private MigrationViewModel model() {
        VmInfo vm = source.snapshot().vms().get(0);
        return new MigrationViewModel(new Migrator(), source, vm, List.of(source, sameHostAgain, offline), Runnable::run,
                new Messages(Locale.ROOT));
    }

    @Test
    void destinationsAreConnectedOtherHostsAndARunningVmMovesLive() {
        MigrationViewModel m = model();
        assertEquals(List.of(sameHostAgain), m.destinations(), "the source and the disconnected host are not offered");
        assertEquals(sameHostAgain, m.destinationProperty().get());
        assertEquals(MigrationMode.LIVE, m.modeProperty().get());
        assertTrue(m.persistProperty().get() && m.undefineSourceProperty().get(), "persist and undefine by default");
    }

    @Test
    void aBadBandwidthIsNamedAndBlocksStart() {
        MigrationViewModel m = model();
        m.bandwidthProperty().set("fast");
        assertEquals(List.of("The bandwidth 'fast' is not a whole number of MiB/s."), m.problems());
        assertFalse(m.canStartProperty().get());
    }

    @Test
    void preCheckProblemsShowInlineAndKeepStartDisabled() throws Exception {
        MigrationViewModel m = model();
        m.recheck().get(10, TimeUnit.SECONDS);
        assertFalse(m.checkingProperty().get(), "pre-checks finished");
        // test:///default is one shared fake host: its own VM, disk and tiny free memory are all in the way.
        assertEquals(3, m.problems().size(), m.problems().toString());
        assertTrue(m.problems().get(0).contains("already has a VM with the UUID " + m.vm().uuid()), m.problems().toString());
        assertTrue(m.problems().get(1).contains("no storage volume at /guest/diskimage1"), m.problems().toString());
        assertTrue(m.problems().get(2).startsWith("'test' needs 2048 MiB of memory"), m.problems().toString());
        assertFalse(m.canStartProperty().get());
        assertTrue(m.start().isCompletedExceptionally(), "Start does nothing before the checks pass");
        assertEquals(MigrationViewModel.Phase.SETUP, m.phaseProperty().get());
    }
}
