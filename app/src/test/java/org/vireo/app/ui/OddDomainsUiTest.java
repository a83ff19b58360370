package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.details.OddDomains;
import org.vireo.app.main.TreeRow;
import org.vireo.resources.Messages;

/** Clicks through every tab of each of the 14 odd domains: no error dialog may appear. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OddDomainsUiTest {
    private static final List<String> TABS = List.of("tab-details.tab.overview", "tab-details.tab.hardware",
            "tab-details.tab.xml", "tab-details.tab.snapshots");

    @TempDir
    static Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(OddDomains.uri()), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void everyTabOfEveryOddDomainOpensWithoutAnError(FxRobot robot) throws TimeoutException {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> VmOpsUiTest.vmNames(tree).size() == OddDomains.COUNT);
        for (String name : VmOpsUiTest.vmNames(tree)) {
            VmOpsUiTest.clickVm(robot, name);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#detailsTitle").queryAs(Label.class)
                    .getText().equals(name));
            for (String tab : TABS) {
                robot.clickOn(robot.lookup(".tab").match(n -> tab.equals(n.getId())).queryAs(Node.class));
                WaitForAsyncUtils.waitForFxEvents();
            }
            javafx.scene.control.TextArea xml = robot.lookup("#xmlText").queryAs(javafx.scene.control.TextArea.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> xml.getText().contains("<name>" + name.replace("&", "&amp;") + "</name>"));
            assertEquals(1, Window.getWindows().size(), "no error dialog for " + name);
        }
    }
}
