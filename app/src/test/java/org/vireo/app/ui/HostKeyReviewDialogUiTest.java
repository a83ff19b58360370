package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.importing.ConnectBatch;
import org.vireo.app.importing.HostKeyReviewDialog;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiWait;
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

    /** Opens the dialog on {@code review}; the answer is set when it closes. */
    private Opened open(FxRobot robot, ConnectBatch.Review review) {
        AtomicReference<HostKeyReviewDialog.Answer> answer = new AtomicReference<>();
        AtomicReference<HostKeyReviewDialog> opened = new AtomicReference<>();
        robot.interact(() -> {
            HostKeyReviewDialog dialog = new HostKeyReviewDialog(review, messages, stage);
            dialog.setOnHidden(e -> answer.set(dialog.getResult()));
            dialog.show();
            opened.set(dialog);
        });
        // This dialog's own pane, once its window is on screen (not a review dialog of an earlier test).
        Node pane = UiClick.shown("the host-key review dialog", () -> Optional.of(opened.get().getDialogPane()));
        return new Opened(pane, answer);
    }

    /** The dialog's pane (lookups stay inside it) and its answer, set when it closes. */
    private record Opened(Node pane, AtomicReference<HostKeyReviewDialog.Answer> answer) {
        Optional<Node> find(FxRobot robot, String query) {
            return robot.from(pane).lookup(query).tryQuery();
        }

        HostKeyReviewDialog.Answer awaitAnswer() {
            return UiWait.until("the review dialog closed with an answer", () -> Optional.ofNullable(answer.get()));
        }
    }

    @Test
    void theCheckedKeyAloneIsAcceptedAndSavingCanBeTurnedOff(FxRobot robot) {
        Opened dialog = open(robot, new ConnectBatch.Review(List.of(
                new ConnectBatch.UnknownKey(ONE, List.of("node1")),
                new ConnectBatch.UnknownKey(TWO, List.of("node2", "node2-alias"))), List.of()));
        Node checked = UiWait.onFx(() -> dialog.find(robot, "#reviewAcceptChecked").orElseThrow());
        assertTrue(UiWait.onFx(checked::isDisable), "nothing checked yet");
        assertEquals("Accept all 2 keys", UiWait.onFx(() -> ((Button) dialog.find(robot, "#reviewAcceptAll").orElseThrow()).getText()));

        // The check box in TWO's row, found and clicked once that row is laid out on screen.
        UiClick.on(robot, "the check box of " + TWO.host(), () -> robot.from(dialog.pane())
                .lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof HostKeyReviewDialog.KeyRow key && key.item().key().equals(TWO))
                .findFirst().flatMap(row -> robot.from(row).lookup(".check-box").tryQueryAs(CheckBox.class)));
        UiWait.untilTrue("\"Accept checked\" enabled once a key is checked", () -> !checked.isDisable());
        CheckBox save = UiClick.on(robot, "the save check box",
                () -> robot.from(dialog.pane()).lookup("#reviewSave").tryQueryAs(CheckBox.class));
        UiWait.untilTrue("saving turned off by the click", () -> !save.isSelected());
        UiClick.on(robot, "the \"Accept checked\" button", () -> Optional.of(checked));

        assertEquals(new HostKeyReviewDialog.Answer(Set.of(TWO), false), dialog.awaitAnswer());
    }

    @Test
    void enterRejectsEveryKey(FxRobot robot) {
        Opened dialog = open(robot, new ConnectBatch.Review(List.of(
                new ConnectBatch.UnknownKey(ONE, List.of("node1"))), List.of(CHANGED)));
        // The key press goes to the focused window: it must be the dialog's.
        UiWait.untilTrue("the review dialog focused", () -> dialog.pane().getScene().getWindow().isFocused());
        robot.type(KeyCode.ENTER);
        assertEquals(Set.of(), dialog.awaitAnswer().accepted());
    }

    @Test
    void changedKeysAloneOfferNoWayToAcceptThem(FxRobot robot) {
        Opened dialog = open(robot, new ConnectBatch.Review(List.of(), List.of(CHANGED)));
        UiWait.onFx(() -> {
            assertTrue(dialog.find(robot, "#reviewAcceptAll").isEmpty());
            assertTrue(dialog.find(robot, "#reviewAcceptChecked").isEmpty());
            assertTrue(dialog.find(robot, "#reviewUnknownTable").map(n -> n.getScene() == null).orElse(true));
            assertEquals(1, ((TableView<?>) dialog.find(robot, "#reviewChangedTable").orElseThrow()).getItems().size());
            return null;
        });
        UiClick.on(robot, "the reject button", () -> dialog.find(robot, "#reviewReject"));
        assertEquals(Set.of(), dialog.awaitAnswer().accepted());
    }
}
