package org.vireo.app.help;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.resources.Messages;
import org.vireo.vnc.fx.VncView;
import org.vireo.app.dialog.CloseShortcut;

/** Help → Keyboard shortcuts: the menus' shortcuts (handed in from their commands) and the console's release keys. */
public final class ShortcutsWindow {
    /** One row: what the keys do and the keys as the menus show them. */
    public record Shortcut(String action, String keys) {
    }

    private final Messages messages;

    public ShortcutsWindow(Messages messages) {
        this.messages = messages;
    }

    public Stage show(Window owner, List<Shortcut> menuShortcuts) {
        List<Shortcut> rows = new ArrayList<>(menuShortcuts);
        rows.add(new Shortcut(messages.get("shortcuts.closeWindow"), CloseShortcut.KEYS.getDisplayText()));
        rows.add(new Shortcut(messages.get("shortcuts.consoleRelease"), VncView.GRAB_RELEASE_HINT));
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        table.getItems().setAll(rows);
        TableColumn<Shortcut, String> action = new TableColumn<>(messages.get("shortcuts.column.action"));
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(260);
        TableColumn<Shortcut, String> keys = new TableColumn<>(messages.get("shortcuts.column.keys"));
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(140);
        table.getColumns().add(action);
        table.getColumns().add(keys);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Stage stage = new Stage();
        Button close = new Button(messages.get("common.close"));
        close.setId("shortcutsClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        BorderPane bottom = new BorderPane();
        bottom.setRight(close);
        BorderPane pane = new BorderPane(table, null, null, bottom, null);
        pane.setId("shortcutsView");
        pane.setPadding(new Insets(10));
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(messages.get("shortcuts.title"));
        CloseShortcut.install(stage);
        stage.setScene(new Scene(pane, 460, 440));
        stage.show();
        return stage;
    }
}
