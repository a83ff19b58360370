package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiWait;
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

    /** Bound of every wait: long enough for a loaded CI machine. */
    private static final long LIMIT_S = 20;

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
        Shown dialog;
        try (FxThreadProbe probe = FxThreadProbe.start()) {
            dialog = awaitDialogFor(robot, NODE_A);
            UiWait.untilTrue("20 samples of the FX thread", () -> probe.samples() >= 20);
            assertEquals(Map.of(), probe.blockingCalls(), "the FX thread stays free while the question waits");
        }
        assertEquals("The authenticity of host [127.0.0.1]:2222 can't be established.", dialog.header());
        assertEquals("ssh-ed25519", dialog.keyType());
        assertTrue(dialog.labels().stream().anyMatch(text -> text.contains("ssh-keygen -lf")),
                "the dialog says how to check the key: " + dialog.labels());
        assertFalse(answer.isDone(), "the connecting thread waits for the user");
        Screenshots.save(robot, "host-key-dialog");

        click(robot, dialog, "#hostKeyAcceptAndSave");
        assertEquals(Decision.ACCEPT_AND_SAVE, answer.get(LIMIT_S, TimeUnit.SECONDS));
        awaitNoDialog(robot);
    }

    @Test
    void cancelRejectsTheKey(FxRobot robot) throws Exception {
        CompletableFuture<Decision> answer = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_B), connecting);
        click(robot, awaitDialogFor(robot, NODE_B), "#hostKeyCancel");
        assertEquals(Decision.REJECT, answer.get(LIMIT_S, TimeUnit.SECONDS));
    }

    @Test
    void twoHostsAskingAtOnceGetTwoDialogsOneAfterTheOther(FxRobot robot) throws Exception {
        CompletableFuture<Decision> first = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        Shown dialogA = awaitDialogFor(robot, NODE_A);
        CompletableFuture<Decision> second = askWaiting(NODE_B);
        assertEquals(1, dialogsOnScreen(robot), "one dialog at a time");
        assertFalse(second.isDone());

        click(robot, dialogA, "#hostKeyAcceptOnce");
        assertEquals(Decision.ACCEPT_ONCE, first.get(LIMIT_S, TimeUnit.SECONDS));
        Shown dialogB = awaitDialogFor(robot, NODE_B);
        assertEquals(1, dialogsOnScreen(robot), "the first dialog closed before the second showed");
        click(robot, dialogB, "#hostKeyCancel");
        assertEquals(Decision.REJECT, second.get(LIMIT_S, TimeUnit.SECONDS));
    }

    @Test
    void twoConnectionsMeetingTheSameKeyShareOneDialogAndSaveItOnce(FxRobot robot) throws Exception {
        CompletableFuture<Decision> first = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        Shown dialog = awaitDialogFor(robot, NODE_A);
        // The alias must be asking before the user answers, or it would not share this dialog.
        CompletableFuture<Decision> alias = askWaiting(NODE_A);
        click(robot, dialog, "#hostKeyAcceptAndSave");
        assertEquals(Decision.ACCEPT_AND_SAVE, first.get(LIMIT_S, TimeUnit.SECONDS));
        assertEquals(Decision.ACCEPT_ONCE, alias.get(LIMIT_S, TimeUnit.SECONDS));
        awaitNoDialog(robot);
    }

    @Test
    void shuttingDownRejectsWhatIsStillWaiting(FxRobot robot) throws Exception {
        CompletableFuture<Decision> shown = CompletableFuture.supplyAsync(() -> prompt.ask(NODE_A), connecting);
        awaitDialogFor(robot, NODE_A);
        CompletableFuture<Decision> queued = askWaiting(NODE_B);
        prompt.close();
        assertEquals(Decision.REJECT, shown.get(LIMIT_S, TimeUnit.SECONDS));
        assertEquals(Decision.REJECT, queued.get(LIMIT_S, TimeUnit.SECONDS));
        awaitNoDialog(robot);
        assertEquals(Decision.REJECT, prompt.ask(NODE_B), "after shutdown nothing is asked");
    }

    @Test
    void theFxThreadIsNeverMadeToWait() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> thrown.complete(
                assertThrows(IllegalStateException.class, () -> prompt.ask(NODE_A))));
        assertTrue(thrown.get(LIMIT_S, TimeUnit.SECONDS).getMessage().contains("FX thread"));
    }

    /** A host-key dialog as it was on screen: its pane (to click in) and copies of what it said. */
    private record Shown(DialogPane pane, String header, String keyType, List<String> labels) {
        static Shown of(FxRobot robot, DialogPane pane) {
            return new Shown(pane, pane.getHeaderText(),
                    robot.from(pane).lookup("#hostKeyType").queryAs(TextField.class).getText(),
                    robot.from(pane).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList());
        }
    }

    /**
     * The dialog showing this key's fingerprint, once its window is on screen. Found by the fingerprint: a dialog
     * answered just before may still be on its way off the screen.
     */
    private static Shown awaitDialogFor(FxRobot robot, UnknownHostKey key) {
        DialogPane pane = UiClick.shown("the host-key dialog for " + key.host(), () -> robot.lookup("#hostKeyDialog")
                .match(UiClick::clickable).queryAllAs(DialogPane.class).stream()
                .filter(p -> robot.from(p).lookup("#hostKeyFingerprint").queryAs(TextField.class).getText()
                        .equals(key.sha256Fingerprint()))
                .findFirst());
        return UiWait.onFx(() -> Shown.of(robot, pane));
    }

    private static void click(FxRobot robot, Shown dialog, String id) {
        UiClick.on(robot, id, () -> robot.from(dialog.pane()).lookup(id).tryQuery());
    }

    /** How many host-key dialogs are on screen, counted on the FX thread. */
    private static int dialogsOnScreen(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup("#hostKeyDialog").match(UiClick::clickable).queryAll().size());
    }

    /** An answered or cancelled dialog closes on the FX thread a moment after its answer reached the asker. */
    private static void awaitNoDialog(FxRobot robot) {
        UiWait.untilTrue("no host-key dialog on screen", () -> robot.lookup("#hostKeyDialog").tryQuery().isEmpty());
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
        WaitForAsyncUtils.waitFor(LIMIT_S, TimeUnit.SECONDS, () -> asker.getState() == Thread.State.WAITING);
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }
}
