package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.connections.ssh.HostKeyPrompt.Decision;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.resources.Messages;

/** User story: connecting to a host never seen before asks about its key, one dialog at a time. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxHostKeyPromptUiTest {
    private static final UnknownHostKey NODE_A = new UnknownHostKey("127.0.0.1", 2222, "ssh-ed25519",
            "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
    private static final UnknownHostKey NODE_B = new UnknownHostKey("node-b.lab", 22, "ecdsa-sha2-nistp256",
            "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");

    private final ExecutorService connecting = Executors.newFixedThreadPool(3);
    private FxHostKeyPrompt prompt;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("Vireo"), 300, 200));
        stage.show();
        prompt = new FxHostKeyPrompt(new FxTaskExecutor(), new Messages(Locale.ROOT), () -> stage);
    }

    @AfterEach
    void stop() {
        prompt.close();
        connecting.shutdownNow();
    }

    @Test
    void theDialogShowsTheFingerprintAndAcceptAndSaveAnswersTheConnectingThread(FxRobot robot) throws Exception {
        CompletableFuture<Decision> answer = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        try (FxThreadProbe probe = FxThreadProbe.start()) {
            awaitDialogFor(robot, NODE_A);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= 20);
            assertEquals(Map.of(), probe.blockingCalls(), "the FX thread stays free while the question waits");
        }
        DialogPane pane = robot.lookup("#hostKeyDialog").queryAs(DialogPane.class);
        assertEquals("The authenticity of host [127.0.0.1]:2222 can't be established.", pane.getHeaderText());
        assertEquals("ssh-ed25519", robot.lookup("#hostKeyType").queryAs(TextField.class).getText());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("ssh-keygen -lf")), "the dialog says how to check the key");
        assertFalse(answer.isDone(), "the connecting thread waits for the user");
        Screenshots.save(robot, "host-key-dialog");

        robot.clickOn("#hostKeyAcceptAndSave");
        assertEquals(Decision.ACCEPT_AND_SAVE, answer.get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyDialog").tryQuery().isEmpty());
    }

    @Test
    void cancelRejectsTheKey(FxRobot robot) throws Exception {
        CompletableFuture<Decision> answer = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_B), connecting);
        awaitDialogFor(robot, NODE_B);
        robot.clickOn("#hostKeyCancel");
        assertEquals(Decision.REJECT, answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void twoHostsAskingAtOnceGetTwoDialogsOneAfterTheOther(FxRobot robot) throws Exception {
        CompletableFuture<Decision> first = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        awaitDialogFor(robot, NODE_A);
        CompletableFuture<Decision> second = askWaiting(NODE_B);
        assertEquals(1, robot.lookup("#hostKeyDialog").queryAll().size(), "one dialog at a time");
        assertFalse(second.isDone());

        robot.clickOn("#hostKeyAcceptOnce");
        assertEquals(Decision.ACCEPT_ONCE, first.get(5, TimeUnit.SECONDS));
        awaitDialogFor(robot, NODE_B);
        assertEquals(1, robot.lookup("#hostKeyDialog").queryAll().size());
        robot.clickOn("#hostKeyCancel");
        assertEquals(Decision.REJECT, second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void twoConnectionsMeetingTheSameKeyShareOneDialogAndSaveItOnce(FxRobot robot) throws Exception {
        CompletableFuture<Decision> first = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        awaitDialogFor(robot, NODE_A);
        CompletableFuture<Decision> alias = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        robot.clickOn("#hostKeyAcceptAndSave");
        assertEquals(Decision.ACCEPT_AND_SAVE, first.get(5, TimeUnit.SECONDS));
        assertEquals(Decision.ACCEPT_ONCE, alias.get(5, TimeUnit.SECONDS));
        assertTrue(robot.lookup("#hostKeyDialog").tryQuery().isEmpty());
    }

    @Test
    void shuttingDownRejectsWhatIsStillWaiting(FxRobot robot) throws Exception {
        CompletableFuture<Decision> shown = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        awaitDialogFor(robot, NODE_A);
        CompletableFuture<Decision> queued = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_B), connecting);
        prompt.close();
        assertEquals(Decision.REJECT, shown.get(5, TimeUnit.SECONDS));
        assertEquals(Decision.REJECT, queued.get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyDialog").tryQuery().isEmpty());
        assertEquals(Decision.REJECT, prompt.ask(NODE_B), "after shutdown nothing is asked");
    }

    @Test
    void theFxThreadIsNeverMadeToWait() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> thrown.complete(
                assertThrows(IllegalStateException.class, () -> prompt.ask(NODE_A))));
        assertTrue(thrown.get(5, TimeUnit.SECONDS).getMessage().contains("FX thread"));
    }

    private static void awaitDialogFor(FxRobot robot, UnknownHostKey key) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyFingerprint").tryQueryAs(TextField.class)
                .map(f -> f.getText().equals(key.sha256Fingerprint())).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Asks on a thread of its own and returns once that thread waits for its answer and the FX thread has
     * handled everything posted so far: a second dialog, if wrongly stacked, would be on screen by then.
     */
    private CompletableFuture<Decision> askWaiting(UnknownHostKey key) throws TimeoutException {
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        Thread asker = new Thread(() -> answer.complete(prompt.ask(key)), "asker-" + key.host());
        asker.setDaemon(true);
        asker.start();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> asker.getState() == Thread.State.WAITING);
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }
}
