package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.prefs.Preferences;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiDialogs;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        assertFalse(UiWait.onFx(() -> stage.getScene().getStylesheets().contains(Theme.darkStylesheet())));

        // The menu bar's own "Edit", not a text lookup over every window.
        UiClick.on(robot, "the Edit menu", () -> robot.from(UiWait.onFx(() -> stage.getScene().getRoot()))
                .lookup(".menu-bar .menu").match(n -> n instanceof Labeled l && "Edit".equals(l.getText())).tryQuery());
        UiClick.onMenuItem(robot, "Preferences…");
        DialogPane dialog = UiDialogs.showing(robot, "the preferences dialog", p -> p.lookup("#prefsOk") != null);
        Button ok = UiWait.onFx(() -> (Button) dialog.lookup("#prefsOk"));
        ChoiceBox<?> theme = UiWait.onFx(() -> (ChoiceBox<?>) dialog.lookup("#prefsTheme"));
        UiClick.on(robot, theme);
        UiClick.onMenuItem(robot, "Dark");
        UiExpect.equal("the theme chosen", Preferences.Theme.DARK, theme::getValue);

        UiClick.on(robot, "the Statistics tab", () -> robot.from(dialog).lookup("#prefsTabStats").tryQuery());
        TextField interval = UiWait.onFx(() -> (TextField) dialog.lookup("#prefsInterval"));
        Label intervalError = UiWait.onFx(() -> (Label) dialog.lookup("#prefsIntervalError"));
        UiDialogs.replaceText(robot, "the interval field", () -> Optional.of(interval), "0");
        UiExpect.equal("the interval's error", "Enter a whole number of seconds from 1 to 60.", intervalError::getText);
        UiExpect.equal("the error shown under the field", true, intervalError::isVisible);
        UiExpect.equal("OK disabled while a field is invalid", true, ok::isDisabled);
        UiDialogs.replaceText(robot, "the interval field", () -> Optional.of(interval), "7");
        UiExpect.equal("the interval's error", "", intervalError::getText);
        UiExpect.equal("OK disabled", false, ok::isDisabled);
        UiDialogs.answer(robot, dialog, ButtonType.OK);

        UiExpect.eventually("the statistics interval at 7 s",
                () -> context.stats().interval().equals(Duration.ofSeconds(7)));
        UiWait.untilTrue("the open window turned dark",
                () -> stage.getScene().getStylesheets().contains(Theme.darkStylesheet()));
        Path saved = paths().config().resolve("preferences.json");
        UiExpect.eventually("preferences.json saved with the 7 s interval", () -> Files.exists(saved)
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
        assertTrue(UiWait.onFx(() -> restartedStage.getScene().getStylesheets().contains(Theme.darkStylesheet())),
                "dark from the start");
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
        assertEquals(VncView.ScaleMode.ONE_TO_ONE, UiWait.onFx(view[0]::getScaleMode));
        assertEquals(VncView.GrabRelease.CTRL_ALT_SHIFT, UiWait.onFx(view[0]::getGrabRelease));
        assertTrue(UiWait.onFx(view[0]::isGrab), "the keyboard is grabbed as the console opens");
    }
}
