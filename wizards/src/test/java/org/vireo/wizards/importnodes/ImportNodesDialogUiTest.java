package org.vireo.wizards.importnodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.connections.nodelist.NodeEntry;
import org.vireo.resources.Messages;

/** The import dialog alone: a small file gives a preview, and the options change it. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportNodesDialogUiTest {
    private ImportNodesViewModel model;

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ROOT);
        model = new ImportNodesViewModel(Runnable::run, Runnable::run, messages, List::of);
        model.setContent("rack-7.txt", "n1.example.org\nn1.example.org\nn2.example.org:2222\nbad host\n"
                .getBytes(StandardCharsets.UTF_8));
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        ImportNodesDialog dialog = new ImportNodesDialog(model, messages);
        dialog.initOwner(stage);
        dialog.show();
    }

    @Test
    void previewShowsOneRowPerEntryAndTheAddButtonCountsTheNewOnes(FxRobot robot) throws TimeoutException {
        @SuppressWarnings("unchecked")
        TableView<NodeEntry> table = robot.lookup("#importTable").queryAs(TableView.class);
        Button add = robot.lookup("#importAddButton").queryButton();

        assertEquals(3, table.getItems().size());
        assertEquals("Add 2 connections", add.getText());
        assertFalse(add.isDisabled());
        robot.lookup(".table-row-cell").lookup("qemu+ssh://n2.example.org:2222/system").query();
        robot.lookup(".table-row-cell").lookup("invalid: host name 'bad host' contains a space").query();
        robot.lookup(".table-row-cell").lookup("rack-7").query();

        robot.clickOn("#importUser").write("root");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup(".table-row-cell").lookup("qemu+ssh://root@n1.example.org/system").tryQuery().isPresent());
        assertEquals("Add 2 connections", add.getText());
    }
}
