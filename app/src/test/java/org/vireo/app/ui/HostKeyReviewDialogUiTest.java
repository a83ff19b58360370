package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.importing.ConnectBatch;
import org.vireo.app.importing.HostKeyReviewDialog;
import org.vireo.connections.ssh.HostKeyChangedException;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.resources.Messages;

/** The review list: one key accepted by its checkbox, Enter rejects, a review of changed keys only accepts nothing. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HostKeyReviewDialogUiTest {
    private static final UnknownHostKey ONE = new UnknownHostKey("node1.lab", 22, "ssh-ed25519", "SHA256:one");
    private static final UnknownHostKey TWO = new UnknownHostKey("node2.lab", 2222, "ecdsa-sha2-nistp256", "SHA256:two");
    private static final ConnectBatch.ChangedKey CHANGED = new ConnectBatch.ChangedKey(new HostKeyChangedException(
            "node3.lab", "ssh-ed25519", "SHA256:old", "SHA256:new", "/home/u/.ssh/known_hosts:7"), List.of("node3"));

    private final Messages messages = new Messages(Locale.ROOT);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    private AtomicReference<HostKeyReviewDialog.Answer> open(FxRobot robot, ConnectBatch.Review review) throws Exception {
        AtomicReference<HostKeyReviewDialog.Answer> answer = new AtomicReference<>();
        robot.interact(() -> {
            HostKeyReviewDialog dialog = new HostKeyReviewDialog(review, messages, stage);
            dialog.setOnHidden(e -> answer.set(dialog.getResult()));
            dialog.show();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyReview").tryQuery().isPresent());
        return answer;
    }

    @Test
    void theCheckedKeyAloneIsAcceptedAndSavingCanBeTurnedOff(FxRobot robot) throws Exception {
        AtomicReference<HostKeyReviewDialog.Answer> answer = open(robot, new ConnectBatch.Review(List.of(
                new ConnectBatch.UnknownKey(ONE, List.of("node1")),
                new ConnectBatch.UnknownKey(TWO, List.of("node2", "node2-alias"))), List.of()));
        Node checked = robot.lookup("#reviewAcceptChecked").query();
        assertTrue(checked.isDisable(), "nothing checked yet");
        assertEquals("Accept all 2 keys", robot.lookup("#reviewAcceptAll").queryButton().getText());

        TableView<?> table = robot.lookup("#reviewUnknownTable").queryAs(TableView.class);
        robot.clickOn(robot.from(table).lookup(".check-box").nth(1).queryAs(CheckBox.class));
        assertFalse(checked.isDisable());
        robot.clickOn("#reviewSave");
        robot.clickOn(checked);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertEquals(new HostKeyReviewDialog.Answer(Set.of(TWO), false), answer.get());
    }

    @Test
    void enterRejectsEveryKey(FxRobot robot) throws Exception {
        AtomicReference<HostKeyReviewDialog.Answer> answer = open(robot, new ConnectBatch.Review(List.of(
                new ConnectBatch.UnknownKey(ONE, List.of("node1"))), List.of(CHANGED)));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertEquals(Set.of(), answer.get().accepted());
    }

    @Test
    void changedKeysAloneOfferNoWayToAcceptThem(FxRobot robot) throws Exception {
        AtomicReference<HostKeyReviewDialog.Answer> answer = open(robot, new ConnectBatch.Review(List.of(), List.of(CHANGED)));
        assertTrue(robot.lookup("#reviewAcceptAll").tryQuery().isEmpty());
        assertTrue(robot.lookup("#reviewAcceptChecked").tryQuery().isEmpty());
        assertTrue(robot.lookup("#reviewUnknownTable").tryQuery().map(n -> n.getScene() == null).orElse(true));
        assertEquals(1, robot.lookup("#reviewChangedTable").queryAs(TableView.class).getItems().size());
        robot.clickOn("#reviewReject");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertEquals(Set.of(), answer.get().accepted());
    }
}
