package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
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
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.resources.Messages;

/**
 * The main window opens with the keyboard in the host tree (arrow keys walk the hosts and VMs), not in the search
 * box, whose blinking caret would keep the idle window repainting.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InitialFocusUiTest {
    @TempDir
    static Path home;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theTreeHasTheKeyboardWhenTheWindowOpens(FxRobot robot) throws TimeoutException {
        Node tree = robot.lookup("#hostTree").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage.getScene().getFocusOwner() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(tree, stage.getScene().getFocusOwner(), () -> "focus is on " + stage.getScene().getFocusOwner());
    }
}
