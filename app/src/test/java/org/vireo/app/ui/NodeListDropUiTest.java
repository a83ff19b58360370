package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
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
import org.vireo.app.MainStage;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.resources.Messages;

/**
 * User story: an admin drags a node list file onto the window and gets the import preview. The
 * file is dragged from a small window of the test's own (a stand-in for the file manager) through
 * JavaFX's real drag and drop.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NodeListDropUiTest {
    @TempDir
    static Path dir;

    private AppContext context;
    private Path nodeList;

    @Start
    void start(Stage stage) throws Exception {
        nodeList = Files.writeString(dir.resolve("reserved-nodes.txt"), "node-1\nnode-2\nnode-1\nnode-3\n");
        context = WindowOnFolders.context(dir);
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));

        Label file = new Label("reserved-nodes.txt");
        file.setId("fileToDrag");
        file.setStyle("-fx-padding: 20; -fx-background-color: #ddd;");
        file.setOnDragDetected(event -> {
            Dragboard board = file.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(nodeList.toFile()));
            board.setContent(content);
            event.consume();
        });
        Stage fileManager = new Stage();
        fileManager.setScene(new Scene(file, 200, 80));
        fileManager.setX(stage.getX() + stage.getWidth() + 10);
        fileManager.setY(stage.getY());
        fileManager.show();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void droppingANodeListOnTheWindowOpensTheImportPreview(FxRobot robot) {
        UiClick.shown(robot, "#demoBadge");
        // Both ends of the drag on screen before the robot presses on one and releases over the other.
        Node file = UiClick.shown(robot, "#fileToDrag");
        Node tree = UiClick.shown(robot, "#hostTree");
        robot.drag(file).dropTo(tree);

        Node preview = UiClick.shown(robot, "#importTable");
        // The preview is read from the file in the background: wait (bounded) until it shows what is expected.
        UiExpect.checked("the import preview's rows and add button", () -> Preview.of(robot, preview), p -> {
            assertEquals(3, p.rows(), "one row per distinct node; the repeat is merged");
            assertTrue(p.add().contains("3"), p.add());
        });
    }

    /** The preview's row count and its add button's text at one instant, read on the FX thread. */
    private record Preview(int rows, String add) {
        static Preview of(FxRobot robot, Node table) {
            Button add = robot.from(table.getScene().getRoot()).lookup("#importAddButton").queryButton();
            return new Preview(((TableView<?>) table).getItems().size(), add.getText());
        }
    }
}
