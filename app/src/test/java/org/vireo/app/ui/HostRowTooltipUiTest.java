package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;

/** A host that could not connect says why when the pointer rests on its row; a connected host's row says nothing. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HostRowTooltipUiTest {
    private static final String MISSING = "test:///nonexistent/vireo-tooltip-missing.xml";
    private static final String WORKING = "test:///default";

    @TempDir
    static Path folder;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = WindowOnFolders.show(stage, folder, List.of(WORKING, MISSING));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aHostThatFailedToConnectExplainsWhyInItsRowsTooltip(FxRobot robot) {
        Shown failed = UiWait.until("the failed host's row, with a tooltip", () -> row(robot, MISSING)
                .filter(r -> r.getTooltip() != null).map(Shown::of));
        assertTrue(failed.host().state() != ConnectionState.CONNECTED && failed.host().reason() != null,
                "failed host: " + failed.host());
        assertTrue(failed.tooltip().contains(failed.host().reason().english()),
                "the tooltip names the reason: " + failed.tooltip());

        Shown working = UiWait.until("the working host's row, connected", () -> row(robot, WORKING).map(Shown::of)
                .filter(shown -> shown.host().state() == ConnectionState.CONNECTED));
        assertNull(working.tooltip(), "a connected host's row has no tooltip");
    }

    /** A host row as it was on screen at one instant (rows are recycled, so the test keeps this, not the row). */
    private record Shown(HostSnapshot host, String tooltip) {
        static Shown of(TreeTableRow<TreeRow> row) {
            return new Shown(((TreeRow.HostRow) row.getItem()).host(),
                    row.getTooltip() == null ? null : row.getTooltip().getText());
        }
    }

    /** The laid-out row of the host with this URI, if it is on screen; read on the FX thread. */
    @SuppressWarnings("unchecked")
    private static Optional<TreeTableRow<TreeRow>> row(FxRobot robot, String uri) {
        return robot.lookup("#hostTree").lookup(".tree-table-row-cell").queryAll().stream()
                .map(node -> (TreeTableRow<TreeRow>) node)
                .filter(r -> !r.isEmpty() && r.getItem() instanceof TreeRow.HostRow h && h.host().uri().equals(uri))
                .findFirst();
    }
}
