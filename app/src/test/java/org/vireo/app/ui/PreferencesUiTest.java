package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import org.vireo.app.prefs.Preferences;
import org.vireo.resources.Messages;
import org.vireo.resources.Theme;
import org.vireo.vnc.fx.VncView;

/**
 * User story: a user opens Edit → Preferences, picks the dark theme and a 7 s update interval; both apply at
 * once and are still there when Vireo starts again.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PreferencesUiTest {
    @TempDir
    static Path home;

    private Stage stage;
    private AppContext context;
    private AppContext restarted;
    private Stage restartedStage;

    private static AppPaths paths() {
        return new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache"));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(paths());
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close(FxRobot robot) {
        if (restartedStage != null) {
            robot.interact(restartedStage::hide);
        }
        if (restarted != null) {
            restarted.close();
        }
        context.close();
    }

    @Test
    void themeAndIntervalApplyAtOnceAndSurviveARestart(FxRobot robot) throws Exception {
        assertEquals(Duration.ofSeconds(3), context.stats().interval());
        assertFalse(stage.getScene().getStylesheets().contains(Theme.darkStylesheet()));

        robot.clickOn("Edit");
        robot.clickOn("Preferences…");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#prefsOk").tryQuery().isPresent());
        Button ok = robot.lookup("#prefsOk").queryButton();
        Node dialogRoot = ok.getScene().getRoot();
        ChoiceBox<?> theme = robot.from(dialogRoot).lookup("#prefsTheme").queryAs(ChoiceBox.class);
        robot.clickOn(theme);
        robot.clickOn("Dark");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> theme.getValue() == Preferences.Theme.DARK);

        robot.clickOn(robot.from(dialogRoot).lookup("Statistics").queryAs(Node.class));
        TextField interval = robot.from(dialogRoot).lookup("#prefsInterval").queryAs(TextField.class);
        Label intervalError = robot.from(dialogRoot).lookup("#prefsIntervalError").queryAs(Label.class);
        robot.doubleClickOn(interval).write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Enter a whole number of seconds from 1 to 60.", intervalError.getText());
        assertTrue(intervalError.isVisible(), "the message is under the field");
        assertTrue(ok.isDisabled(), "no OK while a field is invalid");
        robot.doubleClickOn(interval).write("7");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", intervalError.getText());
        assertFalse(ok.isDisabled());
        robot.clickOn(ok);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> context.stats().interval().equals(Duration.ofSeconds(7)));
        assertTrue(stage.getScene().getStylesheets().contains(Theme.darkStylesheet()), "the open window turned dark");
        Path saved = paths().config().resolve("preferences.json");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(saved)
                && Files.readString(saved).contains("\"intervalSeconds\" : 7"));
        assertTrue(Files.readString(saved).contains("\"theme\" : \"DARK\""), Files.readString(saved));

        // Vireo starts again on the same folder.
        robot.interact(stage::hide);
        context.close();
        restarted = new AppContext(paths());
        assertEquals(Duration.ofSeconds(7), restarted.stats().interval(), "the poller starts at the saved interval");
        robot.interact(() -> {
            restartedStage = new Stage();
            MainStage.show(restartedStage, restarted, List.of(), new Messages(Locale.ROOT));
        });
        assertTrue(restartedStage.getScene().getStylesheets().contains(Theme.darkStylesheet()), "dark from the start");
    }


    @Test
    void aConsoleOpensWithThePreferredScalingReleaseKeysAndGrab(FxRobot robot) throws Exception {
        Preferences.Console preferred = new Preferences.Console(VncView.ScaleMode.ONE_TO_ONE,
                VncView.GrabRelease.CTRL_ALT_SHIFT, Preferences.KeyboardMode.GRAB_ON_OPEN);
        robot.interact(() -> context.preferences().update(context.preferences().get().withConsole(preferred)));
        VncView[] view = new VncView[1];
        robot.interact(() -> {
            view[0] = new VncView();
            context.consoles().viewSetup().accept(view[0]); // what every ConsoleSession does with its view
        });
        assertEquals(VncView.ScaleMode.ONE_TO_ONE, view[0].getScaleMode());
        assertEquals(VncView.GrabRelease.CTRL_ALT_SHIFT, view[0].getGrabRelease());
        assertTrue(view[0].isGrab(), "the keyboard is grabbed as the console opens");
    }
}
