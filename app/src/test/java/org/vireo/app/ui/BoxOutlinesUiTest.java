package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.testsupport.UiWait;
import org.vireo.resources.Messages;
import org.vireo.resources.Theme;

/**
 * The window's large boxes (lists, tables, the host tree, the split pane) draw their outline as a border over a
 * single fill (vireo.css): the software renderer stretched modena's several fills from a cached image, pixel by pixel,
 * on every repaint of the tree. Users see the same boxes as modena draws them, focus ring included.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BoxOutlinesUiTest {
    /** Modena's faint focus ring ends inside a pixel; a stroke and a fill shade that pixel a little differently. */
    private static final int SHADE_TOLERANCE = 24;

    @TempDir
    static Path home;

    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theMainWindowsBoxesPaintOneFill() {
        context = WindowOnFolders.context(home);
        UiWait.onFx(() -> MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT)));
        UiWait.untilTrue("the host tree focused", () -> stage.getScene().lookup("#hostTree").isFocused());
        List<String> boxes = UiWait.onFx(() -> java.util.stream.Stream.of(".split-pane", ".tree-table-view",
                        ".table-view", ".list-view")
                .flatMap(kind -> stage.getScene().getRoot().lookupAll(kind).stream())
                .map(box -> box.getStyleClass() + " fills=" + ((Region) box).getBackground().getFills().size())
                .toList());
        assertFalse(boxes.isEmpty(), "the window's boxes");
        assertEquals(boxes.stream().map(box -> box.replaceAll("fills=\\d+", "fills=1")).toList(), boxes);
    }

    @Test
    void boxesLookAsModenaDrawsThem() {
        List<String> differences = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            for (boolean focused : new boolean[] {false, true}) {
                compare("list", ListView::new, dark, focused, differences);
                compare("table", BoxOutlinesUiTest::table, dark, focused, differences);
                compare("tree table", BoxOutlinesUiTest::treeTable, dark, focused, differences);
                compare("tree table in a split pane", () -> new SplitPane(treeTable()), dark, focused, differences);
            }
            compare("split pane", () -> new SplitPane(new StackPane(), new StackPane()), dark, false, differences);
        }
        assertEquals(List.of(), differences);
    }

    /** Shows the box made by {@code box} as modena draws it and as Vireo does, and notes where the two differ. */
    private void compare(String what, Supplier<Node> box, boolean dark, boolean focused, List<String> differences) {
        Control focusable = UiWait.onFx(() -> {
            Node made = box.get();
            Control inner = made instanceof SplitPane split && split.getItems().get(0) instanceof Control side
                    ? side : (Control) made;
            // A scene focuses its first focusable node by itself, and a view its first row some pulses later: both
            // are set here, so that the two pictures show the same state.
            made.setFocusTraversable(focused);
            inner.setFocusTraversable(focused);
            if (inner instanceof ListView<?> list) {
                list.getFocusModel().focus(0);
            } else if (inner instanceof TableView<?> table) {
                table.getFocusModel().focus(0);
            } else if (inner instanceof TreeTableView<?> tree) {
                tree.getFocusModel().focus(0);
            }
            StackPane around = new StackPane(made);
            around.setPadding(new Insets(6)); // room for the focus ring, drawn outside the box
            stage.getScene().setRoot(around);
            around.applyCss(); // skins made: a split pane's sides are in the scene, and can take the focus
            if (focused) {
                inner.requestFocus();
            }
            return inner;
        });
        UiWait.untilTrue(what + (focused ? " focused" : " not focused"), () -> focusable.isFocused() == focused);
        String theme = (dark ? "dark" : "light") + (focused ? ", focused" : "");
        Image modena = snapshot(dark ? List.of(Theme.darkStylesheet()) : List.of());
        Image vireo = snapshot(dark ? List.of(Theme.baseStylesheet(), Theme.darkStylesheet())
                : List.of(Theme.baseStylesheet()));
        String difference = UiWait.onFx(() -> firstDifference(modena, vireo));
        if (difference != null) {
            differences.add(what + " (" + theme + "): " + difference);
        }
    }

    private Image snapshot(List<String> stylesheets) {
        return UiWait.onFx(() -> {
            stage.getScene().getStylesheets().setAll(stylesheets);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return stage.getScene().getRoot().snapshot(null, null);
        });
    }

    private static String firstDifference(Image expected, Image actual) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            return "size " + actual.getWidth() + "x" + actual.getHeight() + ", modena's "
                    + expected.getWidth() + "x" + expected.getHeight();
        }
        for (int y = 0; y < (int) expected.getHeight(); y++) {
            for (int x = 0; x < (int) expected.getWidth(); x++) {
                int want = expected.getPixelReader().getArgb(x, y);
                int got = actual.getPixelReader().getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs((want >>> shift & 0xff) - (got >>> shift & 0xff)) > SHADE_TOLERANCE) {
                        return String.format("pixel (%d, %d) is %08x, modena's %08x", x, y, got, want);
                    }
                }
            }
        }
        return null;
    }

    private static TableView<String> table() {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<String, String>("Name"));
        table.getItems().addAll("one", "two");
        return table;
    }

    private static TreeTableView<String> treeTable() {
        TreeTableView<String> tree = new TreeTableView<>(new TreeItem<>("root"));
        tree.getColumns().add(new TreeTableColumn<String, String>("Name"));
        tree.getRoot().getChildren().add(new TreeItem<>("child"));
        tree.getRoot().setExpanded(true);
        return tree;
    }
}
