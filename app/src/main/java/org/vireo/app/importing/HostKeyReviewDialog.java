package org.vireo.app.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.vireo.app.importing.ConnectBatch.ChangedKey;
import org.vireo.app.importing.ConnectBatch.Review;
import org.vireo.app.importing.ConnectBatch.UnknownKey;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.resources.Messages;

/**
 * One list of the unknown host keys an import met (host, port, key type, SHA256 fingerprint, which hosts
 * presented it): accept all, accept the checked ones, or reject. Changed keys are listed apart under the
 * warning and have no accept control. Shown with {@code show()}: the FX thread never waits for the user.
 */
public final class HostKeyReviewDialog extends Dialog<HostKeyReviewDialog.Answer> {

    /** The keys to accept ({@code save}: write them to known_hosts); empty when the user rejected them all. */
    public record Answer(Set<UnknownHostKey> accepted, boolean save) {
    }

    /** A table row: one unknown key and whether the user checked it. */
    public static final class KeyRow {
        private final UnknownKey item;
        private final BooleanProperty checked = new SimpleBooleanProperty(false);

        KeyRow(UnknownKey item) {
            this.item = item;
        }

        public UnknownKey item() {
            return item;
        }

        public BooleanProperty checkedProperty() {
            return checked;
        }
    }

    public HostKeyReviewDialog(Review review, Messages messages, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.NONE);
        setResizable(true);
        setTitle(messages.get("hostKeyReview.title"));
        int hosts = review.unknown().stream().mapToInt(k -> k.hosts().size()).sum();
        setHeaderText(messages.get("hostKeyReview.header", review.unknown().size(), hosts));
        getDialogPane().setId("hostKeyReview");

        ObservableList<KeyRow> rows = FXCollections.observableArrayList(k -> new javafx.beans.Observable[] {k.checkedProperty()});
        review.unknown().forEach(k -> rows.add(new KeyRow(k)));
        TableView<KeyRow> unknown = new TableView<>(rows);
        unknown.setId("reviewUnknownTable");
        unknown.setEditable(true);
        TableColumn<KeyRow, Boolean> accept = new TableColumn<>(messages.get("hostKeyReview.accept"));
        accept.setCellValueFactory(cell -> cell.getValue().checkedProperty());
        accept.setCellFactory(CheckBoxTableCell.forTableColumn(accept));
        accept.setEditable(true);
        accept.setPrefWidth(70);
        unknown.getColumns().add(accept);
        unknown.getColumns().addAll(List.of(
                column(messages.get("hostKey.host"), 150, r -> hostAndPort(r.item().key())),
                column(messages.get("hostKey.keyType"), 110, r -> r.item().key().keyType()),
                column(messages.get("hostKey.fingerprint"), 360, r -> r.item().key().sha256Fingerprint()),
                column(messages.get("hostKeyReview.hosts"), 220, r -> String.join(", ", r.item().hosts()))));
        unknown.setPrefHeight(Math.min(320, 60 + 28.0 * rows.size()));
        CheckBox save = new CheckBox(messages.get("hostKeyReview.save"));
        save.setId("reviewSave");
        save.setSelected(true);
        save.setMnemonicParsing(false); // "known_hosts" keeps its underscore
        Label explanation = new Label(messages.get("hostKey.explanation"));
        explanation.setWrapText(true);
        explanation.setPrefWidth(900);
        VBox content = new VBox(10);
        content.setPadding(new Insets(10));
        if (!rows.isEmpty()) {
            content.getChildren().addAll(unknown, save, explanation);
        }
        if (!review.changed().isEmpty()) {
            content.getChildren().addAll(changedSection(review.changed(), messages));
        }
        getDialogPane().setContent(content);

        ButtonType all = new ButtonType(messages.get("hostKeyReview.acceptAll", rows.size()), ButtonBar.ButtonData.OTHER);
        ButtonType checked = new ButtonType(messages.get("hostKeyReview.acceptChecked"), ButtonBar.ButtonData.OTHER);
        ButtonType reject = new ButtonType(messages.get(rows.isEmpty() ? "hostKeyReview.close" : "hostKeyReview.reject"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        if (rows.isEmpty()) {
            getDialogPane().getButtonTypes().setAll(reject);
        } else {
            getDialogPane().getButtonTypes().setAll(checked, all, reject);
            Button allButton = (Button) getDialogPane().lookupButton(all);
            allButton.setId("reviewAcceptAll");
            allButton.setDefaultButton(false);
            Button checkedButton = (Button) getDialogPane().lookupButton(checked);
            checkedButton.setId("reviewAcceptChecked");
            checkedButton.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> rows.stream().noneMatch(r -> r.checkedProperty().get()), rows));
        }
        getDialogPane().lookupButton(reject).setId("reviewReject");
        // Enter must not accept keys: the safe answer is the default.
        ((Button) getDialogPane().lookupButton(reject)).setDefaultButton(true);
        setResultConverter(button -> {
            Set<UnknownHostKey> keys = new LinkedHashSet<>();
            rows.stream().filter(r -> button == all || button == checked && r.checkedProperty().get())
                    .forEach(r -> keys.add(r.item().key()));
            return new Answer(Set.copyOf(keys), save.isSelected());
        });
    }

    private static List<javafx.scene.Node> changedSection(List<ChangedKey> changed, Messages messages) {
        Label warning = new Label(messages.get("hostKeyReview.changedWarning"));
        warning.setId("reviewChangedWarning");
        warning.setWrapText(true);
        warning.setPrefWidth(900);
        warning.getStyleClass().add("warning-text");
        TableView<ChangedKey> table = new TableView<>(FXCollections.observableArrayList(changed));
        table.setId("reviewChangedTable");
        table.getColumns().addAll(List.of(
                changedColumn(messages.get("hostKey.host"), 150, c -> c.change().host()),
                changedColumn(messages.get("hostKey.keyType"), 110, c -> c.change().keyType()),
                changedColumn(messages.get("hostKeyReview.knownKey"), 300, c -> c.change().knownFingerprint()),
                changedColumn(messages.get("hostKeyReview.presentedKey"), 300, c -> c.change().presentedFingerprint()),
                changedColumn(messages.get("hostKeyReview.hosts"), 200, c -> String.join(", ", c.hosts())),
                changedColumn(messages.get("hostKeyReview.lineToRemove"), 260, c -> c.change().knownHostsLocation())));
        table.setPrefHeight(Math.min(240, 60 + 28.0 * changed.size()));
        return List.of(warning, table);
    }

    private static String hostAndPort(UnknownHostKey key) {
        return key.port() == 22 ? key.host() : key.host() + ":" + key.port();
    }

    private static TableColumn<KeyRow, String> column(String title, double width, Function<KeyRow, String> value) {
        TableColumn<KeyRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setEditable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<ChangedKey, String> changedColumn(String title, double width, Function<ChangedKey, String> value) {
        TableColumn<ChangedKey, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
