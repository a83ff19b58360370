package org.vireo.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.resources.Messages;

/** Host-tree folders: one level of nesting from "parent/child" names, renames saved, collapse kept. */
class GroupsTest {
    @TempDir
    Path config;

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskExecutor ui = uiQueue::add;
    private final MainViewModelTest.RecordingDialogs dialogs = new MainViewModelTest.RecordingDialogs();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final Fleet fleet = new Fleet();

    @AfterEach
    void tearDown() {
        fleet.close();
        io.shutdownNow();
    }

    @Test
    void renamingAFolderMovesItsSubfoldersAndIsSaved() throws Exception {
        ConnectionStore store = new ConnectionStore(config);
        store.save(List.of(entry("a", "Lab"), entry("b", "Lab/rack 1"), entry("c", null)));
        MainViewModel viewModel = new MainViewModel(fleet, store, io, dialogs, ui, new Messages(Locale.ROOT));
        viewModel.start(List.of());
        awaitUi(() -> viewModel.hosts().size() == 3);

        assertTrue(viewModel.renameGroup("Lab", " Site B "));
        assertEquals(Map.of("a", "Site B", "b", "Site B/rack 1"), viewModel.groupOf());
        assertTrue(viewModel.renameGroup("Site B/rack 1", "Site B / rack 2"));
        assertEquals("Site B/rack 2", viewModel.groupOf().get("b"));

        assertFalse(viewModel.renameGroup("Site B", "Campus/Site B"), "a folder with subfolders cannot nest");
        assertFalse(viewModel.renameGroup("Site B/rack 2", "a/b/c"), "one level only");
        assertFalse(viewModel.renameGroup("Site B", " / "));
        assertEquals(3, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("Campus/Site B"), dialogs.errors.get(0));
        assertEquals(new Messages(Locale.ROOT).get("group.rename.invalid")
                + ": group 'a/b/c' nests more than one level: use 'parent/child'", dialogs.errors.get(1));

        drainUi();
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(entry("a", "Site B"), entry("b", "Site B/rack 2"), entry("c", null)), store.load().entries());
    }

    @Test
    void aRefusedGroupNameIsExplainedInFrench() {
        Messages french = new Messages(Locale.FRENCH);
        MainViewModel viewModel = new MainViewModel(fleet, new ConnectionStore(config), io, dialogs, ui, french);
        assertFalse(viewModel.renameGroup("Lab", "a/b/c"));
        assertFalse(viewModel.renameGroup("Lab", " / "));
        String title = french.get("group.rename.invalid") + ": ";
        assertEquals(List.of(title + "le groupe \u00ab\u00a0a/b/c\u00a0\u00bb a plus d\u2019un niveau d\u2019imbrication\u00a0: "
                        + "utilisez \u00ab\u00a0parent/enfant\u00a0\u00bb",
                title + "le groupe \u00ab\u00a0 / \u00a0\u00bb a un nom vide"), dialogs.errors);
    }

    @Test
    void subfoldersSitInsideTheirParentAndACollapsedFolderStaysCollapsed() {
        TreeItem<TreeRow> root = new TreeItem<>(new TreeRow.GroupRow(""));
        HostTreeSync sync = new HostTreeSync(root);
        List<HostSnapshot> hosts = List.of(host("a"), host("b"), host("c"));
        sync.update(hosts, Map.of("a", "Lab", "b", "Lab/rack 1"));

        assertEquals(List.of("group:Lab", "host:c"), keys(root));
        TreeItem<TreeRow> lab = root.getChildren().get(0);
        assertEquals(List.of("group:Lab/rack 1", "host:a"), keys(lab));
        assertEquals(List.of("host:b"), keys(lab.getChildren().get(0)));
        assertEquals("rack 1", GroupPath.leaf(((TreeRow.GroupRow) lab.getChildren().get(0).getValue()).name()));

        lab.setExpanded(false);
        sync.update(hosts, Map.of("a", "Lab", "b", "Lab/rack 1"));
        assertFalse(root.getChildren().get(0).isExpanded(), "a refresh keeps it collapsed");
        sync.update(hosts, Map.of());
        sync.update(hosts, Map.of("a", "Lab"));
        assertFalse(root.getChildren().get(0).isExpanded(), "also after the folder was gone for a while");
        assertTrue(sync.isCollapsed("Lab"));
    }

    @Test
    void aHostConnectingWithItsVmsChangesTheTreeOnce() {
        TreeItem<TreeRow> root = new TreeItem<>(new TreeRow.GroupRow(""));
        HostTreeSync sync = new HostTreeSync(root);
        sync.update(List.of(host("a")), Map.of());
        List<String> changes = new java.util.ArrayList<>();
        root.addEventHandler(TreeItem.<TreeRow>childrenModificationEvent(),
                e -> changes.add(e.getTreeItem().getValue().key() + " +" + e.getAddedSize()));

        List<org.vireo.connections.model.VmInfo> vms = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> new org.vireo.connections.model.VmInfo(String.format("00000000-0000-4000-8000-%012d", i),
                        "vm" + i, org.vireo.connections.model.VmState.RUNNING, 1, 1024, 1024, 0, true, false))
                .toList();
        sync.update(List.of(new HostSnapshot("a", "qemu+ssh://a/system", "a", ConnectionState.CONNECTED, null, null,
                vms)), Map.of());

        assertEquals(100, root.getChildren().get(0).getChildren().size());
        assertEquals(List.of("host:a +100"), changes);
    }

    private static List<String> keys(TreeItem<TreeRow> item) {
        return item.getChildren().stream().map(i -> i.getValue().key()).toList();
    }

    private static HostSnapshot host(String id) {
        return new HostSnapshot(id, "qemu+ssh://" + id + "/system", id, ConnectionState.DISCONNECTED, null, null, List.of());
    }

    private static ConnectionEntry entry(String id, String group) {
        return new ConnectionEntry(id, "qemu+ssh://" + id + ".example.org/system", null, group, false, false, null);
    }

    private void drainUi() {
        for (Runnable r = uiQueue.poll(); r != null; r = uiQueue.poll()) {
            r.run();
        }
    }

    private void awaitUi(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 10 s; errors: " + dialogs.errors);
            }
            Runnable r = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }
}
