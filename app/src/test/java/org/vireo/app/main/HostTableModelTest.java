package org.vireo.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.hosts.HostPageModel;
import org.vireo.app.hosts.HostTableModel;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.resources.Messages;

/** The host table's rows without a stage (in this package for MainViewModelTest's recording dialogs). */
class HostTableModelTest {
    @TempDir
    Path home;

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskExecutor ui = uiQueue::add;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final Fleet fleet = new Fleet();

    @AfterEach
    void tearDown() {
        fleet.close();
        io.shutdownNow();
    }

    @Test
    void aConnectedHostIsReadAndItsMaintenanceFlagAndSelectionFollow() {
        MainViewModel main = demoWindow(new Messages(Locale.ROOT));
        HostTableModel model = readTable(main);
        HostTableModel.Row row = model.rows().get(0);
        assertEquals(6, row.summary().vmsTotal());
        assertEquals(4, row.summary().vmsActive());
        assertEquals(row.summary().pools().stream().mapToLong(p -> p.capacityBytes()).sum(),
                row.summary().storageTotalBytes());

        main.maintenance().mark(row.id());
        awaitUi(() -> model.rows().get(0).maintenance());

        model.open(model.rows().get(0));
        assertTrue(main.selectedRowProperty().get() instanceof TreeRow.HostRow h
                && h.host().connectionId().equals(row.id()), "the host is selected in the tree");
        model.dispose();
    }

    @Test
    void aFailedReadIsShownInTheUsersLanguage() throws Exception {
        MainViewModel main = demoWindow(new Messages(Locale.FRENCH));
        HostTableModel model = readTable(main);
        HostTableModel.Row row = model.rows().get(0);
        HostConnection host = main.host(row.id()).orElseThrow();
        // The table still shows the host connected (its next snapshot waits in the UI queue) when Refresh reads it.
        host.disconnect().get(10, TimeUnit.SECONDS);
        model.refresh();

        awaitUi(() -> !model.rows().get(0).problem().isEmpty());
        assertEquals("Erreur sur " + host.displayName() + "\u00a0: non connect\u00e9", model.rows().get(0).problem());
        model.dispose();
    }

    @Test
    void theHostPageShowsAFailedReadInTheUsersLanguage() {
        try (HostConnection host = new HostConnection(ConnectionEntry.of("test:///default"))) {
            HostPageModel page = new HostPageModel(id -> Optional.of(host), ui, new Messages(Locale.FRENCH));
            // Selected as connected while the connection itself is not open: the read fails.
            page.show(new HostSnapshot(host.id(), host.entry().uri(), host.displayName(), ConnectionState.CONNECTED, null,
                    null, List.of()));

            awaitUi(() -> !page.problemProperty().get().isEmpty());
            assertEquals("Erreur sur " + host.displayName() + "\u00a0: non connect\u00e9", page.problemProperty().get());
        }
    }

    private MainViewModel demoWindow(Messages messages) {
        MainViewModel main = new MainViewModel(fleet, new ConnectionStore(home.resolve("config")), io,
                new MainViewModelTest.RecordingDialogs(), ui, messages);
        main.start(List.of(DemoHost.uri(home.resolve("cache"))));
        return main;
    }

    /** The host table once the demo host's first read arrived. */
    private HostTableModel readTable(MainViewModel main) {
        HostTableModel model = new HostTableModel(main, ui);
        awaitUi(() -> model.rows().size() == 1 && model.rows().get(0).summary().read());
        return model;
    }

    private void awaitUi(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 10 s");
            }
            try {
                Runnable r = uiQueue.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
