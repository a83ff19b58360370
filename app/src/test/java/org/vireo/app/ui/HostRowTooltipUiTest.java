package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.main.TreeRow;
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
    void aHostThatFailedToConnectExplainsWhyInItsRowsTooltip(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> row(robot, MISSING)
                .map(r -> r.getTooltip() != null).orElse(false));
        TreeTableRow<TreeRow> failed = row(robot, MISSING).orElseThrow();
        HostSnapshot host = ((TreeRow.HostRow) failed.getItem()).host();
        assertTrue(host.state() != ConnectionState.CONNECTED && host.reason() != null, "failed host: " + host);
        String text = failed.getTooltip().getText();
        assertTrue(text.contains(host.reason().english()), "the tooltip names the reason: " + text);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> row(robot, WORKING)
                .map(r -> ((TreeRow.HostRow) r.getItem()).host().state() == ConnectionState.CONNECTED).orElse(false));
        assertNull(row(robot, WORKING).orElseThrow().getTooltip(), "a connected host's row has no tooltip");
    }

    /** The laid-out row of the host with this URI, if it is on screen. */
    @SuppressWarnings("unchecked")
    private static Optional<TreeTableRow<TreeRow>> row(FxRobot robot, String uri) {
        return robot.lookup("#hostTree").lookup(".tree-table-row-cell").queryAll().stream()
                .map(node -> (TreeTableRow<TreeRow>) node)
                .filter(r -> !r.isEmpty() && r.getItem() instanceof TreeRow.HostRow h && h.host().uri().equals(uri))
                .findFirst();
    }
}
