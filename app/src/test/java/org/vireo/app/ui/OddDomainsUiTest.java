package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TextArea;
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
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.details.OddDomains;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(OddDomains.uri()), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void everyTabOfEveryOddDomainOpensWithoutAnError(FxRobot robot) {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        List<String> names = UiExpect.until(OddDomains.COUNT + " odd domains in the tree",
                () -> VmOpsUiTest.vmNames(tree),
                listed -> listed.size() == OddDomains.COUNT);
        for (String name : names) {
            VmOpsUiTest.clickVm(robot, name); // waits until the details show it
            for (String tab : TABS) {
                VmOpsUiTest.clickTab(robot, tab); // waits until the tab is shown
            }
            TextArea xml = UiExpect.node(robot, "#xmlText", TextArea.class);
            String escaped = "<name>" + name.replace("&", "&amp;") + "</name>";
            UiExpect.until("the XML of " + name, xml::getText, text -> text.contains(escaped));
            assertEquals(1, UiWait.onFx(() -> Window.getWindows().size()), "no error dialog for " + name);
        }
    }
}
