package org.vireo.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.actions.VmAction;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.resources.Messages;

/**
 * The main window's ViewModel without a stage: UI hand-offs go to a queue that the test drains
 * on its own thread, standing in for the FX thread.
 */
class MainViewModelTest {
    @TempDir
    Path config;

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskExecutor ui = uiQueue::add;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private Fleet fleet;
    private ConnectionStore store;
    private MainViewModel viewModel;

    @BeforeEach
    void setUp() {
        fleet = new Fleet();
        store = new ConnectionStore(config);
        viewModel = new MainViewModel(fleet, store, io, dialogs, ui, new Messages(Locale.ROOT));
    }

    @AfterEach
    void tearDown() {
        fleet.close();
        io.shutdownNow();
    }

    @Test
    void withoutSavedConnectionsTheDemoHostIsShownAndLabelled() {
        viewModel.start(List.of());
        awaitUi(() -> viewModel.hosts().stream().anyMatch(h -> h.state() == ConnectionState.CONNECTED));
        assertTrue(viewModel.demoModeProperty().get());
        HostSnapshot demo = viewModel.hosts().get(0);
        assertEquals(MainViewModel.DEMO_ID, demo.connectionId());
        assertTrue(demo.displayName().contains("Demo"), demo.displayName());
        assertTrue(demo.vms().size() >= 4, "demo host shows several VMs: " + demo.vms());
        assertTrue(viewModel.statusProperty().get().contains("Demo"));
    }

    @Test
    void readsBegunBeforeTheWindowConnectAtOnceWithoutTheDiskThread() {
        java.util.concurrent.atomic.AtomicInteger diskTasks = new java.util.concurrent.atomic.AtomicInteger();
        MainViewModel early = new MainViewModel(fleet, store, task -> {
            diskTasks.incrementAndGet();
            io.execute(task);
        }, dialogs, ui, new Messages(Locale.ROOT));
        ConnectionEntry saved = new ConnectionEntry("saved-1", "test:///default", null, null, true, false, null);
        StartupReads reads = new StartupReads(java.util.concurrent.CompletableFuture.completedFuture(
                new org.vireo.connections.store.LoadResult(List.of(saved), Optional.empty())),
                java.util.concurrent.CompletableFuture.completedFuture(null));

        early.start(List.of(), reads);
        uiQueue.poll().run(); // the one hand-off to the UI thread: the saved host is added and connecting
        assertEquals(List.of(saved.id()), fleet.hosts().stream().map(h -> h.entry().id()).toList());
        assertFalse(early.demoModeProperty().get());
        assertEquals(0, diskTasks.get(), "nothing more was read on the disk thread");
        viewModel = early;
        awaitUi(() -> early.hosts().stream().anyMatch(h -> h.state() == ConnectionState.CONNECTED));
    }

    @Test
    void everySavedHostIsListedAtOnceWhenTheWindowStartsNotAsEachConnects() {
        List<ConnectionEntry> saved = List.of(
                new ConnectionEntry("saved-b", "test:///default", "beta", null, false, false, null),
                new ConnectionEntry("saved-a", "test:///default", "alpha", null, false, false, null),
                new ConnectionEntry("saved-c", "test:///default", "gamma", null, true, false, null));
        StartupReads reads = new StartupReads(java.util.concurrent.CompletableFuture.completedFuture(
                new org.vireo.connections.store.LoadResult(saved, Optional.empty())),
                java.util.concurrent.CompletableFuture.completedFuture(null));
        List<List<String>> published = new ArrayList<>();
        viewModel.hosts().addListener((javafx.collections.ListChangeListener<HostSnapshot>) change ->
                published.add(viewModel.hosts().stream().map(HostSnapshot::displayName).toList()));

        viewModel.start(List.of(), reads);
        uiQueue.poll().run(); // the one hand-off to the UI thread, before any batch from the fleet

        assertEquals(List.of(List.of("alpha", "beta", "gamma")), published, "one change listing every saved host");
        assertEquals(ConnectionState.DISCONNECTED, viewModel.hosts().get(0).state(), "alpha does not autoconnect");
    }

    @Test
    void startingAShutOffVmChangesItsStateAndTheCommandsThatApply() {
        viewModel.start(List.of());
        awaitUi(() -> viewModel.hosts().stream().anyMatch(h -> h.state() == ConnectionState.CONNECTED));
        HostSnapshot demo = viewModel.hosts().get(0);
        VmInfo off = demo.vms().stream().filter(v -> v.state() == VmState.SHUTOFF).findFirst().orElseThrow();
        viewModel.selectedRowProperty().set(new TreeRow.VmRow(demo.connectionId(), off));
        assertTrue(viewModel.canRun(VmAction.START));
        assertFalse(viewModel.canRun(VmAction.PAUSE));

        viewModel.run(VmAction.START);
        awaitUi(() -> viewModel.selectedVmProperty().get() != null
                && viewModel.selectedVmProperty().get().state() == VmState.RUNNING);
        assertFalse(viewModel.canRun(VmAction.START));
        assertTrue(viewModel.canRun(VmAction.PAUSE));
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aUriThatDoesNotParseIsRefusedNamingItAndNothingSavedIsLost() throws Exception {
        store.save(List.of(ConnectionEntry.of("test:///default")));
        byte[] before = Files.readAllBytes(config.resolve("connections.json"));
        viewModel.start(List.of());
        awaitUi(() -> !viewModel.hosts().isEmpty());

        assertFalse(viewModel.addConnection("qemu+ssh://root@bad host/system"));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("qemu+ssh://root@bad host/system"), dialogs.errors.get(0));
        drainUi();
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(new String(before), new String(Files.readAllBytes(config.resolve("connections.json"))));
    }

    @Test
    void aUriLibvirtRejectsShowsTheHostDisconnectedWithTheReason() {
        viewModel.start(List.of());
        awaitUi(() -> viewModel.demoModeProperty().get());
        assertTrue(viewModel.addConnection("test:///nonexistent/vireo-missing.xml"));
        awaitUi(() -> viewModel.hosts().stream().anyMatch(h -> h.uri().contains("vireo-missing")
                && h.state() == ConnectionState.DISCONNECTED && h.reason() != null));
        HostSnapshot bad = viewModel.hosts().stream().filter(h -> h.uri().contains("vireo-missing")).findFirst().orElseThrow();
        assertTrue(bad.reason().english().contains("test:///nonexistent/vireo-missing.xml"), bad.reason().english());
        assertFalse(viewModel.demoModeProperty().get(), "adding a real connection leaves demo mode");
    }

    @Test
    void addedConnectionsAreSavedAndComeBackOnNextStart() throws Exception {
        viewModel.start(List.of());
        awaitUi(() -> viewModel.demoModeProperty().get());
        assertTrue(viewModel.addConnection("test:///default"));
        awaitUi(() -> viewModel.hosts().stream().anyMatch(h -> h.uri().equals("test:///default")));
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);

        List<ConnectionEntry> saved = store.load().entries();
        assertEquals(1, saved.size());
        assertEquals("test:///default", saved.get(0).uri());
    }

    @Test
    void aConnectionFromTheDialogKeepsItsNameGroupAndFlags() throws Exception {
        viewModel.start(List.of());
        awaitUi(() -> viewModel.demoModeProperty().get());
        ConnectionEntry entry = new ConnectionEntry("id-1", "test:///default", "Lab", "Rack B", false, true, null);
        assertTrue(viewModel.addConnection(entry));
        awaitUi(() -> viewModel.hosts().stream().anyMatch(h -> h.connectionId().equals("id-1")
                && h.state() == ConnectionState.CONNECTED));
        assertEquals("Rack B", viewModel.groupOf().get("id-1"));
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(entry), store.load().entries());

        assertFalse(viewModel.addConnection(new ConnectionEntry("id-2", "test:///default", null, null, true, false, null)),
                "the same URI twice is refused");
    }

    private void drainUi() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) {
            r.run();
        }
    }

    /** Runs UI hand-offs until {@code condition} holds; fails after 10 s. */
    @Test
    void maintenanceIsSavedWithTheConnectionRestoredOnNextStartAndClearedFromTheMenu() throws Exception {
        ConnectionEntry entry = new ConnectionEntry("m-1", "test:///default", "Lab", null, false, false, null);
        store.save(List.of(entry));
        viewModel.start(List.of());
        awaitUi(() -> viewModel.hosts().stream().anyMatch(h -> h.connectionId().equals("m-1")));

        viewModel.maintenance().mark("m-1");
        awaitUi(() -> viewModel.maintenanceIds().contains("m-1"));
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(entry.withMaintenance(true)), store.load().entries(), "saved with the connection");

        Fleet again = new Fleet();
        try {
            MainViewModel restarted = new MainViewModel(again, store, io, dialogs, ui, new Messages(Locale.ROOT));
            restarted.start(List.of());
            awaitUi(() -> restarted.maintenanceIds().contains("m-1"));
            assertTrue(restarted.maintenance().contains("m-1"), "restored on start");

            restarted.maintenance().clear("m-1");
            awaitUi(() -> restarted.maintenanceIds().isEmpty());
            io.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(List.of(entry), store.load().entries(), "cleared and saved");
        } finally {
            again.close();
        }
    }

    @Test
    void aSelectedVmThatMovesToAnotherHostStaysSelectedThere() {
        fleet.add(new ConnectionEntry("a", "test:///default", "A", null, false, false, null));
        fleet.add(new ConnectionEntry("b", "test:///default?b", "B", null, false, false, null));
        VmInfo web = vm("u-web", "web", VmState.RUNNING);
        viewModel.applyBatch(List.of(host("a", web), host("b")));
        viewModel.selectedRowProperty().set(new TreeRow.VmRow("a", web));

        viewModel.applyBatch(List.of(host("a", web), host("b", vm("u-web", "web", VmState.PAUSED))));
        assertEquals("vm:a/u-web", viewModel.selectedRowProperty().get().key(), "still on A while it moves");

        viewModel.applyBatch(List.of(host("a"), host("b", web)));
        assertEquals("vm:b/u-web", viewModel.selectedRowProperty().get().key());
        assertEquals("b", viewModel.selectedHostProperty().get().connectionId());
        assertEquals(VmState.RUNNING, viewModel.selectedVmProperty().get().state());

        // B lists it a batch after A dropped it: followed once it shows up.
        viewModel.applyBatch(List.of(host("a", web), host("b")));
        viewModel.selectedRowProperty().set(new TreeRow.VmRow("a", web));
        viewModel.applyBatch(List.of(host("a"), host("b")));
        viewModel.applyBatch(List.of(host("a"), host("b", web)));
        assertEquals("vm:b/u-web", viewModel.selectedRowProperty().get().key());

        // The user selected another row meanwhile: that choice stands.
        viewModel.applyBatch(List.of(host("a", web), host("b")));
        viewModel.selectedRowProperty().set(new TreeRow.VmRow("a", web));
        viewModel.applyBatch(List.of(host("a"), host("b")));
        viewModel.selectedRowProperty().set(new TreeRow.HostRow(host("a")));
        viewModel.applyBatch(List.of(host("a"), host("b", web)));
        assertEquals("host:a", viewModel.selectedRowProperty().get().key());

        // A shut-off copy left on A (not undefined) selected while B runs it: the selection does not jump.
        VmInfo offCopy = vm("u-web", "web", VmState.SHUTOFF);
        viewModel.applyBatch(List.of(host("a", offCopy), host("b", web)));
        viewModel.selectedRowProperty().set(new TreeRow.VmRow("a", offCopy));
        viewModel.applyBatch(List.of(host("a", offCopy), host("b", web)));
        assertEquals("vm:a/u-web", viewModel.selectedRowProperty().get().key());
    }

    private static VmInfo vm(String uuid, String name, VmState state) {
        return new VmInfo(uuid, name, state, 1, 131072, 131072, 0, true, false);
    }

    private static HostSnapshot host(String id, VmInfo... vms) {
        return new HostSnapshot(id, "test:///" + id, id.toUpperCase(Locale.ROOT), ConnectionState.CONNECTED, null, null,
                List.of(vms));
    }

    private void awaitUi(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 10 s; hosts: " + viewModel.hosts() + " errors: " + dialogs.errors);
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

    static final class RecordingDialogs implements DialogService {
        final List<String> errors = new ArrayList<>();

        @Override
        public void showError(String title, String message, Throwable details) {
            errors.add(title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<String> askText(String title, String prompt, String initialValue) {
            return Optional.empty();
        }
    }
}
