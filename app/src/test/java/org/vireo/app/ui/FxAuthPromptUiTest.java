package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.connections.ssh.AuthPrompt.Question;
import org.vireo.resources.Messages;

/** User story: a host wants a password or interactive answers; the user types them in a dialog. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxAuthPromptUiTest {
    private final ExecutorService connecting = Executors.newSingleThreadExecutor();
    private FxAuthPrompt prompt;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("Vireo"), 300, 200));
        stage.show();
        prompt = new FxAuthPrompt(new FxTaskExecutor(), new Messages(Locale.ROOT), () -> stage);
    }

    @AfterEach
    void stop() {
        prompt.close();
        connecting.shutdownNow();
    }

    @Test
    void theTypedPasswordReachesTheConnectingThreadAndIsHidden(FxRobot robot) throws Exception {
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(() -> prompt.password("root@node7"), connecting);
        awaitField(robot, "#authAnswer0");
        assertInstanceOf(PasswordField.class, robot.lookup("#authAnswer0").query(), "a password is not echoed");
        assertEquals("Password for root@node7", robot.lookup("#authDialog").queryAs(DialogPane.class).getHeaderText());
        robot.clickOn("#authAnswer0").write("s3cret pass");
        Screenshots.save(robot, "auth-password-dialog");
        robot.clickOn("#authLogin");
        assertArrayEquals("s3cret pass".toCharArray(), answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void keyboardInteractiveAsksEveryQuestionEchoingOnlyWhatMayBeSeen(FxRobot robot) throws Exception {
        List<Question> questions = List.of(new Question("Login: ", true), new Question("Verification code: ", false));
        CompletableFuture<char[][]> answer = CompletableFuture.supplyAsync(() -> prompt.keyboardInteractive(
                "root@frontend", "", "Grid login: enter your one-time code.", questions), connecting);
        awaitField(robot, "#authAnswer1");
        assertFalse(robot.lookup("#authAnswer0").query() instanceof PasswordField, "an echoed answer is visible");
        assertInstanceOf(PasswordField.class, robot.lookup("#authAnswer1").query());
        robot.clickOn("#authAnswer0").write("alice");
        robot.clickOn("#authAnswer1").write("123456");
        Screenshots.save(robot, "auth-interactive-dialog");
        robot.clickOn("#authLogin");
        char[][] got = answer.get(5, TimeUnit.SECONDS);
        assertArrayEquals("alice".toCharArray(), got[0]);
        assertArrayEquals("123456".toCharArray(), got[1]);
    }

    @Test
    void cancelAbortsTheLogin(FxRobot robot) throws Exception {
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(() -> prompt.passphrase("/home/u/.ssh/id_ed25519"),
                connecting);
        awaitField(robot, "#authAnswer0");
        assertEquals("Passphrase for the key /home/u/.ssh/id_ed25519",
                robot.lookup("#authDialog").queryAs(DialogPane.class).getHeaderText());
        robot.clickOn("#authAnswer0").write("half-typed");
        robot.clickOn("#authCancel");
        assertNull(answer.get(5, TimeUnit.SECONDS));
    }

    private static void awaitField(FxRobot robot, String id) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(id).match(org.testfx.util.NodeQueryUtils.isVisible())
                .tryQueryAs(TextField.class).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
