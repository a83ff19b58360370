package org.vireo.wizards.importnodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.resources.Messages;

/** The import dialog alone: a small file gives a preview, and the options change it. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportNodesDialogUiTest {
    /** Bound of every wait: long enough for a loaded CI machine. */
    private static final long LIMIT_S = 20;

    private ImportNodesViewModel model;
    private ImportNodesDialog dialog;

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ROOT);
        model = new ImportNodesViewModel(Runnable::run, Runnable::run, messages, List::of);
        model.setContent("rack-7.txt", "n1.example.org\nn1.example.org\nn2.example.org:2222\nbad host\n"
                .getBytes(StandardCharsets.UTF_8));
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        dialog = new ImportNodesDialog(model, messages);
        dialog.initOwner(stage);
        dialog.show();
    }

    @Test
    void previewShowsOneRowPerEntryAndTheAddButtonCountsTheNewOnes(FxRobot robot) throws Exception {
        // Cells exist once the dialog's window is shown and laid out: wait for them, reading on the FX thread.
        Preview preview = until("the preview's rows on screen", () -> Preview.of(robot, dialog.getDialogPane()),
                p -> p.cells().containsAll(List.of("qemu+ssh://n2.example.org:2222/system",
                        "invalid: host name 'bad host' contains a space", "rack-7")));
        assertEquals(3, preview.rows());
        assertEquals("Add 2 connections", preview.add());
        assertFalse(preview.addDisabled());

        Node user = until("the user field shown and enabled",
                () -> robot.from(dialog.getDialogPane()).lookup("#importUser").query(),
                field -> field.getScene().getWindow().isShowing() && NodeQueryUtils.isVisible().test(field)
                        && !field.isDisabled());
        robot.clickOn(user).write("root");

        // Typing reaches the preview a moment later on a loaded machine: wait for the full user name in it.
        Preview typed = until("the preview with the user root", () -> Preview.of(robot, dialog.getDialogPane()),
                p -> p.cells().contains("qemu+ssh://root@n1.example.org/system"));
        assertEquals("Add 2 connections", typed.add());
    }

    /** What the preview showed at one instant: its row count, the add button, the texts of its cells on screen. */
    private record Preview(int rows, String add, boolean addDisabled, Set<String> cells) {
        static Preview of(FxRobot robot, DialogPane pane) {
            TableView<?> table = robot.from(pane).lookup("#importTable").queryAs(TableView.class);
            Button add = robot.from(pane).lookup("#importAddButton").queryButton();
            Set<String> cells = robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .map(TableCell::getText).filter(text -> text != null).collect(Collectors.toSet());
            return new Preview(table.getItems().size(), add.getText(), add.isDisabled(), cells);
        }
    }

    /**
     * Reads {@code read} on the FX thread until {@code done} holds and returns that value; after {@link #LIMIT_S}
     * fails with {@code what} and the last value read. (This module cannot see the app's UiWait.)
     */
    private static <T> T until(String what, Callable<T> read, Predicate<T> done) throws Exception {
        AtomicReference<T> seen = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(LIMIT_S, TimeUnit.SECONDS, () -> {
                seen.set(WaitForAsyncUtils.asyncFx(read).get(LIMIT_S, TimeUnit.SECONDS));
                return done.test(seen.get());
            });
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + LIMIT_S + " s: " + what + "; last seen: " + seen.get(), e);
        }
        return seen.get();
    }
}
