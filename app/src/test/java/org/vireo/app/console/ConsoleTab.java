package org.vireo.app.console;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.vnc.fx.VncView;

/** Opens a VM's Console tab as a user does: click the VM's row, then the tab (again, while the tree still moves). */
final class ConsoleTab {
    private ConsoleTab() {
    }

    static VncView open(FxRobot robot, Predicate<Node> vmRow, long seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            var tab = robot.lookup(".tab-label").match(n -> n instanceof Label l && l.getText().equals("Console"))
                    .tryQueryAs(Node.class);
            if (tab.isPresent()) {
                robot.clickOn(tab.get());
            } else {
                robot.lookup(".tree-table-row-cell").match(vmRow::test).tryQueryAs(Node.class).ifPresent(robot::clickOn);
            }
            WaitForAsyncUtils.waitForFxEvents();
            // The tab's content is in the scene even while another tab is selected: ask the tab pane.
            Tab selected = robot.lookup("#detailsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
            return selected != null && selected.getText().equals("Console") && robot.lookup("#consoleView").tryQuery().isPresent();
        });
        return robot.lookup("#consoleView").queryAs(VncView.class);
    }
}
