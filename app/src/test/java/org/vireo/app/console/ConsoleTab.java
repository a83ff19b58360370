package org.vireo.app.console;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableRow;
import org.testfx.api.FxRobot;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiWait;
import org.vireo.vnc.fx.VncView;

/** Opens a VM's Console tab as a user does: click the VM's row, then the tab. */
final class ConsoleTab {
    /** How long one click on the row gets to select it before it is tried again. */
    private static final Duration SELECTING = Duration.ofSeconds(5);

    private ConsoleTab() {
    }

    /**
     * Clicks the VM's row once it is on screen and still, until the row is selected (other guests coming and going
     * on the shared host may move it under the pointer: at most three clicks), then the Console tab; returns the
     * console view once that tab is selected.
     */
    static VncView open(FxRobot robot, Predicate<Node> vmRow, long seconds) {
        Duration limit = Duration.ofSeconds(seconds);
        for (int attempt = 1; ; attempt++) {
            robot.clickOn(UiClick.atRest(limit, "the VM's row", () -> robot.lookup(".tree-table-row-cell")
                    .match(vmRow::test).tryQueryAs(Node.class)).point());
            try {
                UiWait.untilTrue(SELECTING, "the VM's row selected", () -> robot.lookup(".tree-table-row-cell")
                        .match(vmRow::test).tryQueryAs(TreeTableRow.class).map(TreeTableRow::isSelected).orElse(false));
                break;
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        UiClick.on(robot, "the Console tab", () -> robot.lookup("#detailsTabs .tab-label")
                .match(n -> n instanceof Label l && l.getText().equals("Console")).tryQueryAs(Node.class));
        // The tab's content is in the scene even while another tab is selected: ask the tab pane.
        return UiWait.until(limit, "the Console tab selected, with its view", () -> {
            Tab selected = robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
            return selected != null && selected.getText().equals("Console")
                    ? robot.lookup("#consoleView").tryQueryAs(VncView.class) : Optional.empty();
        });
    }
}
