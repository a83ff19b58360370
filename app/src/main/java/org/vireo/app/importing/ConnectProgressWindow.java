package org.vireo.app.importing;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.app.importing.ConnectBatch.Row;
import org.vireo.resources.Messages;
import org.vireo.resources.Theme;
import org.vireo.app.dialog.CloseShortcut;

/**
 * "Connecting N hosts": a non-modal window listing each host of a batch with its live state, the counts, and
 * a Close button. When the batch has host keys to decide on, it opens the one review dialog.
 */
public final class ConnectProgressWindow {
    private final Stage stage = new Stage();
    private final ConnectBatch batch;
    private final Messages messages;
    private final Window owner;

    public ConnectProgressWindow(ConnectBatch batch, Messages messages, Window owner) {
        this.batch = batch;
        this.messages = messages;
        this.owner = owner;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(messages.get("connectBatch.title", batch.size()));
        CloseShortcut.install(stage);

        TableView<Row> table = new TableView<>(batch.rows());
        table.setId("connectProgressTable");
        table.getColumns().addAll(List.of(
                column(messages.get("connectBatch.column.host"), 200, Row::name),
                column(messages.get("connectBatch.column.state"), 200, Row::stateText),
                column(messages.get("connectBatch.column.detail"), 420, Row::detail)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label counts = new Label();
        counts.setId("connectProgressCounts");
        counts.textProperty().bind(batch.countsProperty());
        Button close = new Button(messages.get("connectBatch.close"));
        close.setId("connectProgressClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(10, counts, spacer, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, table, bottom);
        content.setPadding(new Insets(10));
        content.setId("connectProgress");
        Scene scene = new Scene(content, 860, 420);
        scene.getStylesheets().add(Theme.baseStylesheet());
        stage.setScene(scene);

        batch.reviewProperty().addListener((obs, old, review) -> {
            if (review != null) {
                showReview(review);
            }
        });
    }

    /** Call right after the batch started: its review arrives later, through the listener. */
    public boolean isShowing() {
        return stage.isShowing();
    }

    public void show() {
        stage.show();
    }

    /** The review stays above this window, or above the main window once this one was closed. */
    private void showReview(ConnectBatch.Review review) {
        HostKeyReviewDialog dialog = new HostKeyReviewDialog(review, messages, stage.isShowing() ? stage : owner);
        dialog.setOnHidden(e -> {
            HostKeyReviewDialog.Answer answer = dialog.getResult();
            batch.applyReview(answer == null ? java.util.Set.of() : answer.accepted(), answer != null && answer.save());
        });
        dialog.show();
    }

    private static TableColumn<Row, String> column(String title, double width, Function<Row, String> value) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
