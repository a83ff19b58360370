package org.vireo.wizards.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.MigrationException;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.MigrationTargets;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.migration.Prechecks;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/**
 * A real migration that libvirt refuses (its test driver cannot migrate), run from the dialog's model in a French
 * window: the dialog and the evacuation say it in French around libvirt's own words, the exception's message stays
 * English.
 */
class MigrationFailureFrenchTest {
    private static final String VM = "vireo-i18n-mig";
    private final Messages french = new Messages(Locale.FRENCH);

    @TempDir
    Path dir;
    private final List<HostConnection> hosts = new ArrayList<>();

    @AfterEach
    void tearDown() {
        hosts.forEach(HostConnection::close);
    }

    /** A fake host of its own (a test:/// file is read afresh by each connection), connected. */
    private HostConnection host(String file, String domains) throws Exception {
        Path xml = Files.writeString(dir.resolve(file), "<node>" + domains + "</node>");
        HostConnection h = new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), "test://" + xml, null,
                null, false, false, null), HostConnection.Opener.direct(), Duration.ofSeconds(30));
        hosts.add(h);
        h.connect().get(10, TimeUnit.SECONDS);
        return h;
    }

    /** A test:/// file host has no NUMA cells to report free memory from: it has 8 GiB free here. */
    private static Migrator migrator() {
        return new Migrator(new Prechecks(conn -> 8L << 30), Migrator.DEFAULT_PROGRESS_INTERVAL);
    }

    private HostConnection sourceWithVm() throws Exception {
        return host("a.xml", "<domain type='test'><name>" + VM + "</name><uuid>" + UUID.randomUUID()
                + "</uuid><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
    }

    @Test
    void aMigrationLibvirtRefusesIsSaidInFrenchWithLibvirtsWords() throws Exception {
        HostConnection source = sourceWithVm();
        HostConnection destination = host("b.xml", "");
        VmInfo vm = source.snapshot().vms().stream().filter(v -> v.name().equals(VM)).findFirst().orElseThrow();
        MigrationViewModel model = new MigrationViewModel(migrator(), source, vm, List.of(source, destination),
                Runnable::run, french);
        model.recheck().get(10, TimeUnit.SECONDS);
        assertTrue(model.canStartProperty().get(), "pre-checks pass: " + model.problems());

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> model.start().get(30, TimeUnit.SECONDS));
        MigrationException error = (MigrationException) failed.getCause();
        String from = MigrationTargets.label(source.snapshot());
        String to = MigrationTargets.label(destination.snapshot());
        String englishAction = "Cannot migrate '" + VM + "' from " + from + " to " + to + ": ";
        assertTrue(error.getMessage().startsWith(englishAction), error.getMessage());
        String libvirtWords = error.getMessage().substring(englishAction.length());
        assertTrue(libvirtWords.contains("virDomainMigrate3"), "libvirt's own words: " + libvirtWords);

        assertFalse(model.succeededProperty().get());
        assertEquals("\u00c9chec de la migration : Impossible de migrer \u00ab\u00a0" + VM + "\u00a0\u00bb de " + from
                + " vers " + to + "\u00a0: " + libvirtWords, model.resultTextProperty().get());
    }

    @Test
    void aPrecheckLibvirtFailsIsSaidInFrenchWithLibvirtsWords() throws Exception {
        HostConnection source = sourceWithVm();
        HostConnection destination = host("b.xml", "");
        VmInfo vm = source.snapshot().vms().stream().filter(v -> v.name().equals(VM)).findFirst().orElseThrow();
        // Reading the destination's free memory fails in libvirt, as a real host's call can.
        Migrator failing = new Migrator(new Prechecks(conn -> conn.storagePoolLookupByName("vireo-no-such-pool")
                .getInfo().available), Migrator.DEFAULT_PROGRESS_INTERVAL);
        MigrationViewModel model = new MigrationViewModel(failing, source, vm, List.of(source, destination),
                Runnable::run, french);
        model.recheck().get(10, TimeUnit.SECONDS);

        assertFalse(model.canStartProperty().get(), "a failed pre-check stops the migration");
        assertEquals(1, model.problems().size(), model.problems().toString());
        String problem = model.problems().get(0);
        assertTrue(problem.startsWith("Erreur sur " + destination.displayName() + "\u00a0: "), problem);
        assertTrue(problem.contains("vireo-no-such-pool"), "libvirt's own words: " + problem);
    }

    @Test
    void anEvacuationSaysEachFailureInFrench() throws Exception {
        HostConnection source = sourceWithVm();
        HostConnection destination = host("b.xml", "");
        EvacuationViewModel evacuation = new EvacuationViewModel(migrator(), source, List.of(source, destination),
                MigrationOptions.defaults(MigrationMode.LIVE), Runnable::run, french);
        evacuation.plan().get(10, TimeUnit.SECONDS);
        EvacuationViewModel.Line line = evacuation.lines().stream().filter(l -> l.vm().name().equals(VM)).findFirst()
                .orElseThrow();
        line.targetProperty().set(destination);
        assertEquals(0, evacuation.run().get(30, TimeUnit.SECONDS), "nothing moved");
        String status = line.statusProperty().get();
        assertTrue(status.startsWith("\u00e9chec : Impossible de migrer \u00ab\u00a0" + VM + "\u00a0\u00bb de "
                + MigrationTargets.label(source.snapshot()) + " vers " + MigrationTargets.label(destination.snapshot())
                + "\u00a0: "), status);
        assertTrue(status.contains("virDomainMigrate3"), "libvirt's own words: " + status);
    }
}
