package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.app.testsupport.UiClick;
import org.vireo.connections.ssh.AuthPrompt.Question;
import org.vireo.resources.Messages;

/** User story: a host wants a password or interactive answers; the user types them in a dialog. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxAuthPromptUiTest {
    /** How long the connecting thread may take to get its answer after the click (a loaded CI machine is slow). */
    private static final long ANSWER_LIMIT_S = 20;

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
        DialogPane dialog = awaitDialog(robot, "Password for root@node7");
        TextField field = click(robot, dialog, "#authAnswer0");
        assertInstanceOf(PasswordField.class, field, "a password is not echoed");
        robot.write("s3cret pass");
        Screenshots.save(robot, "auth-password-dialog");
        click(robot, dialog, "#authLogin");
        assertArrayEquals("s3cret pass".toCharArray(), answer.get(ANSWER_LIMIT_S, TimeUnit.SECONDS));
    }

    @Test
    void keyboardInteractiveAsksEveryQuestionEchoingOnlyWhatMayBeSeen(FxRobot robot) throws Exception {
        List<Question> questions = List.of(new Question("Login: ", true), new Question("Verification code: ", false));
        CompletableFuture<char[][]> answer = CompletableFuture.supplyAsync(() -> prompt.keyboardInteractive(
                "root@frontend", "", "Grid login: enter your one-time code.", questions), connecting);
        DialogPane dialog = awaitDialog(robot, "Login to root@frontend");
        TextField login = click(robot, dialog, "#authAnswer0");
        assertFalse(login instanceof PasswordField, "an echoed answer is visible");
        robot.write("alice");
        TextField code = click(robot, dialog, "#authAnswer1");
        assertInstanceOf(PasswordField.class, code);
        robot.write("123456");
        Screenshots.save(robot, "auth-interactive-dialog");
        click(robot, dialog, "#authLogin");
        char[][] got = answer.get(ANSWER_LIMIT_S, TimeUnit.SECONDS);
        assertArrayEquals("alice".toCharArray(), got[0]);
        assertArrayEquals("123456".toCharArray(), got[1]);
    }

    @Test
    void cancelAbortsTheLogin(FxRobot robot) throws Exception {
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(() -> prompt.passphrase("/home/u/.ssh/id_ed25519"),
                connecting);
        DialogPane dialog = awaitDialog(robot, "Passphrase for the key /home/u/.ssh/id_ed25519");
        click(robot, dialog, "#authAnswer0");
        robot.write("half-typed");
        click(robot, dialog, "#authCancel");
        assertNull(answer.get(ANSWER_LIMIT_S, TimeUnit.SECONDS));
    }

    /**
     * The auth dialog with this header, once its window is on screen. Found by its header, not by a field id: the
     * previous test's dialog, closed by its prompt, may still be on its way off the screen. A failure names the
     * headers of the auth dialogs that were on screen.
     */
    private static DialogPane awaitDialog(FxRobot robot, String header) {
        return UiClick.shown("the auth dialog \"" + header + "\"", () -> {
            List<DialogPane> shown = List.copyOf(robot.lookup("#authDialog").match(UiClick::clickable)
                    .queryAllAs(DialogPane.class));
            Optional<DialogPane> asked = shown.stream().filter(pane -> header.equals(pane.getHeaderText())).findFirst();
            if (asked.isEmpty() && !shown.isEmpty()) {
                assertEquals(header, shown.get(0).getHeaderText(), "the header of the auth dialog on screen");
            }
            return asked;
        });
    }

    /** Clicks the node {@code id} of {@code dialog} once it is shown and enabled; returns it. */
    private static <T extends Node> T click(FxRobot robot, DialogPane dialog, String id) {
        return UiClick.on(robot, id, () -> robot.from(dialog).lookup(id).tryQuery());
    }
}
