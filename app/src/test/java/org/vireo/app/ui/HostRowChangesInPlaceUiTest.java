package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.AppContext;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.ConnectionState;

/**
 * A host whose state changes shows it in its own row, and only there: the tree's rows and cells stay the same
 * objects (JavaFX's default answer to a changed item is to throw every visible row away and build it again, which
 * stalled the window while a hundred hosts connected).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HostRowChangesInPlaceUiTest {
    private static final String STAYS = "test:///default";
    /** A host without VMs: its disconnection changes its row alone, not which rows the tree has. */
    private static String changes;

    @TempDir
    static Path folder;

    private AppContext context;

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path empty = java.nio.file.Files.writeString(folder.resolve("host-without-vms.xml"),
                "<node><cpu><mhz>2400</mhz></cpu><memory>4194304</memory></node>\n");
        changes = "test://" + empty.toAbsolutePath();
        context = WindowOnFolders.show(stage, folder, List.of(STAYS, changes));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aDisconnectedHostChangesItsRowWithoutRebuildingTheTree(FxRobot robot) {
        Seen before = UiWait.until("both hosts connected", () -> seen(robot)
                .filter(s -> s.states().equals(List.of("CONNECTED", "CONNECTED")) && s.stateTexts().size() == 2));
        HostConnection host = context.fleet().hosts().stream().filter(h -> h.entry().uri().equals(changes))
                .findFirst().orElseThrow();

        // What the host's state cell shows the moment its item takes the new snapshot: the row follows the value and
        // has its cells read theirs again then and there, not at some later layout of the tree.
        AtomicReference<String> shownAtOnce = new AtomicReference<>();
        UiWait.onFx(() -> {
            TreeTableRow<TreeRow> row = hostRows(robot).stream()
                    .filter(r -> ((TreeRow.HostRow) r.getTreeItem().getValue()).host().uri().equals(changes))
                    .findFirst().orElseThrow();
            row.getTreeItem().valueProperty().addListener((obs, old, value) -> {
                if (value instanceof TreeRow.HostRow h && h.host().state() == ConnectionState.DISCONNECTED) {
                    shownAtOnce.compareAndSet(null, stateCellText(row));
                }
            });
            return row;
        });
        host.disconnect().join();

        Seen after = UiWait.until("the disconnected host's row showing it", () -> seen(robot)
                .filter(s -> s.states().contains("DISCONNECTED") && !s.stateTexts().equals(before.stateTexts())));
        assertTrue(after.dotStyles().contains("host-disconnected"), "its state dot: " + after.dotStyles());
        assertTrue(after.dotStyles().contains("host-connected"), "the other host's dot: " + after.dotStyles());
        assertEquals(after.stateTexts().get(after.states().indexOf("DISCONNECTED")), shownAtOnce.get(),
                "the state cell at the moment the host's item changed");
        Set<Node> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(before.nodes());
        assertEquals(before.nodes().size(), after.nodes().size(), "as many rows and cells as before");
        assertTrue(kept.containsAll(after.nodes()), "the same row and cell objects, updated in place");
    }

    /** What the tree shows of its two host rows at one instant, and the row and cell objects showing it. */
    private record Seen(List<String> states, List<String> stateTexts, List<String> dotStyles, List<Node> nodes) {
    }

    /** Read on the FX thread: host rows in order, with their state cells' texts and state dots' states. */
    private static Optional<Seen> seen(FxRobot robot) {
        List<TreeTableRow<TreeRow>> rows = hostRows(robot);
        if (rows.size() != 2) {
            return Optional.empty();
        }
        List<String> states = rows.stream()
                .map(r -> ((TreeRow.HostRow) r.getTreeItem().getValue()).host().state().name()).toList();
        List<String> texts = rows.stream().map(HostRowChangesInPlaceUiTest::stateCellText).toList();
        List<String> dots = rows.stream().flatMap(r -> r.lookupAll(".state-dot").stream())
                .flatMap(n -> n.getPseudoClassStates().stream()).map(javafx.css.PseudoClass::getPseudoClassName)
                .filter(c -> c.startsWith("host-")).toList();
        List<Node> nodes = rows.stream().flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of((Node) r),
                r.lookupAll(".tree-table-cell").stream())).toList();
        return Optional.of(new Seen(states, texts, dots, nodes));
    }

    /** The laid-out host rows, in order; call on the FX thread. */
    @SuppressWarnings("unchecked")
    private static List<TreeTableRow<TreeRow>> hostRows(FxRobot robot) {
        return robot.lookup("#hostTree").lookup(".tree-table-row-cell").queryAll().stream()
                .map(node -> (TreeTableRow<TreeRow>) node)
                .filter(r -> !r.isEmpty() && r.getTreeItem() != null
                        && r.getTreeItem().getValue() instanceof TreeRow.HostRow)
                .sorted(java.util.Comparator.comparingInt(TreeTableRow::getIndex))
                .toList();
    }

    /** The text of {@code row}'s state cell. */
    private static String stateCellText(TreeTableRow<TreeRow> row) {
        return row.lookupAll(".tree-table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TreeTableCell<?, ?> c && c.getTableColumn() != null
                        && "stateColumn".equals(c.getTableColumn().getId()))
                .map(n -> ((javafx.scene.control.TreeTableCell<?, ?>) n).getText())
                .findFirst().orElse(null);
    }
}
