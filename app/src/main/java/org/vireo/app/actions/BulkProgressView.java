package org.vireo.app.actions;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.resources.Messages;
import org.vireo.app.dialog.CloseShortcut;

/** One window for a command on several VMs: a progress bar and a row per VM with its result. */
public final class BulkProgressView {
    private BulkProgressView() {
    }

    public static Stage show(BulkRun run, Window owner, Messages messages) {
        TableView<BulkRun.Item> table = new TableView<>(run.items());
        table.setId("bulkResults");
        TableColumn<BulkRun.Item, String> vm = new TableColumn<>(messages.get("bulk.vm"));
        vm.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().target().label()));
        vm.setPrefWidth(220);
        TableColumn<BulkRun.Item, String> status = new TableColumn<>(messages.get("bulk.status.column"));
        status.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> messages.get("bulk.state." + c.getValue().statusProperty().get().name()),
                c.getValue().statusProperty()));
        status.setPrefWidth(100);
        TableColumn<BulkRun.Item, String> message = new TableColumn<>(messages.get("bulk.message"));
        message.setCellValueFactory(c -> c.getValue().messageProperty());
        message.setPrefWidth(320);
        table.getColumns().add(vm);
        table.getColumns().add(status);
        table.getColumns().add(message);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        ProgressBar bar = new ProgressBar();
        bar.setId("bulkProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> run.items().isEmpty() ? 1.0 : (double) run.finishedProperty().get() / run.items().size(),
                run.finishedProperty()));
        Label summary = new Label();
        summary.setId("bulkSummary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> messages.get("bulk.summary",
                run.finishedProperty().get(), run.items().size(), run.failedProperty().get()),
                run.finishedProperty(), run.failedProperty()));
        Stage stage = new Stage();
        Button close = new Button(messages.get("common.close"));
        close.setId("bulkClose");
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setStyle("-fx-alignment: center-right");
        VBox top = new VBox(6, bar, summary);
        BorderPane pane = new BorderPane(table, top, null, buttons, null);
        pane.setId("bulkProgressView");
        pane.setPadding(new Insets(12));
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(run.title());
        CloseShortcut.install(stage);
        stage.setScene(new Scene(pane, 680, 360));
        stage.show();
        return stage;
    }
}
