package org.vireo.wizards.migrate;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.MigrationTransport;
import org.vireo.resources.Messages;

/**
 * Migrate a VM: destination and options, the pre-check results inline, Start, then progress with Cancel and
 * the result. Returns the options used when the migration succeeded (the caller remembers them), else null.
 */
public final class MigrationDialog extends Dialog<MigrationOptions> {
    /** Examples shown in the empty address fields (the same in every language), here and in the evacuation. */
    static final String URI_EXAMPLE = "tcp://10.0.0.2";
    static final String LISTEN_EXAMPLE = "0.0.0.0";

    private final MigrationViewModel model;

    public MigrationDialog(MigrationViewModel model, Messages messages) {
        this.model = model;
        setTitle(messages.get("migrate.title", model.vm().name()));
        setHeaderText(messages.get("migrate.header", model.vm().name(), model.source().displayName()));
        setResizable(true);

        ComboBox<HostConnection> destination = new ComboBox<>(model.destinations());
        destination.setId("migrateDestination");
        destination.valueProperty().bindBidirectional(model.destinationProperty());
        destination.setConverter(new StringConverter<>() {
            @Override
            public String toString(HostConnection h) {
                return h == null ? "" : org.vireo.connections.migration.MigrationTargets.label(h.snapshot());
            }

            @Override
            public HostConnection fromString(String s) {
                return null;
            }
        });
        ComboBox<MigrationMode> mode = new ComboBox<>();
        mode.getItems().setAll(MigrationMode.values());
        mode.setId("migrateMode");
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setConverter(labels(messages, "migrate.mode."));
        ComboBox<MigrationTransport> transport = new ComboBox<>();
        transport.getItems().setAll(MigrationTransport.values());
        transport.setId("migrateTransport");
        transport.valueProperty().bindBidirectional(model.transportProperty());
        transport.setConverter(labels(messages, "migrate.transport."));

        CheckBox persist = check(messages.get("migrate.persist"), "migratePersist", model.persistProperty());
        persist.disableProperty().bind(model.modeProperty().isEqualTo(MigrationMode.OFFLINE));
        CheckBox undefine = check(messages.get("migrate.undefineSource"), "migrateUndefine", model.undefineSourceProperty());
        CheckBox copy = check(messages.get("migrate.copyStorage"), "migrateCopyStorage", model.copyStorageProperty());
        CheckBox converge = check(messages.get("migrate.autoConverge"), "migrateAutoConverge", model.autoConvergeProperty());
        CheckBox postCopy = check(messages.get("migrate.postCopy"), "migratePostCopy", model.postCopyProperty());
        CheckBox dontAsk = check(messages.get("migrate.dontAskAgain"), "migrateDontAsk", model.dontAskAgainProperty());
        TextField uri = text("migrateUri", model.migrationUriProperty(), URI_EXAMPLE);
        TextField listen = text("migrateListen", model.listenAddressProperty(), LISTEN_EXAMPLE);
        uri.disableProperty().bind(model.transportProperty().isEqualTo(MigrationTransport.TUNNELLED));
        listen.disableProperty().bind(uri.disableProperty());
        TextField bandwidth = text("migrateBandwidth", model.bandwidthProperty(), messages.get("migrate.unlimited"));
        TextField downtime = text("migrateDowntime", model.maxDowntimeProperty(), messages.get("migrate.default"));
        for (var live : new javafx.scene.Node[] {converge, postCopy, bandwidth, downtime, copy}) {
            live.disableProperty().bind(model.modeProperty().isEqualTo(MigrationMode.OFFLINE));
        }

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label(messages.get("migrate.destination")), destination);
        grid.addRow(row++, new Label(messages.get("migrate.mode")), mode);
        grid.addRow(row++, new Label(messages.get("migrate.transport")), transport);
        grid.addRow(row++, new Label(messages.get("migrate.uri")), uri);
        grid.addRow(row++, new Label(messages.get("migrate.listen")), listen);
        grid.addRow(row++, new Label(messages.get("migrate.bandwidth")), bandwidth);
        grid.addRow(row++, new Label(messages.get("migrate.downtime")), downtime);
        VBox checks = new VBox(4, persist, undefine, copy, converge, postCopy);
        grid.add(checks, 1, row++);
        grid.disableProperty().bind(model.phaseProperty().isNotEqualTo(MigrationViewModel.Phase.SETUP));

        Label checksTitle = new Label();
        checksTitle.setId("migrateCheckState");
        checksTitle.textProperty().bind(Bindings.createStringBinding(() -> model.checkingProperty().get()
                        ? messages.get("migrate.checking")
                        : model.problems().isEmpty() ? messages.get("migrate.checksPassed") : messages.get("migrate.checksFailed"),
                model.checkingProperty(), model.problems()));
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("migrateProblems");
        problems.setPrefHeight(90);

        ProgressBar bar = new ProgressBar();
        bar.setId("migrateProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label figures = new Label();
        figures.setId("migrateFigures");
        figures.textProperty().bind(model.progressTextProperty());
        Label result = new Label();
        result.setId("migrateResult");
        result.setWrapText(true);
        result.textProperty().bind(model.resultTextProperty());
        Button cancel = new Button(messages.get("migrate.cancel"));
        cancel.setId("migrateCancel");
        cancel.setOnAction(e -> model.cancel());
        VBox running = new VBox(6, bar, figures, cancel);
        running.visibleProperty().bind(model.phaseProperty().isEqualTo(MigrationViewModel.Phase.RUNNING));
        running.managedProperty().bind(running.visibleProperty());

        VBox content = new VBox(10, grid, checksTitle, problems, running, result, dontAsk);
        content.setPadding(new Insets(10));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        ButtonType start = new ButtonType(messages.get("migrate.start"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.get("migrate.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(start, close);
        Button startButton = (Button) getDialogPane().lookupButton(start);
        startButton.setId("migrateStart");
        startButton.disableProperty().bind(model.canStartProperty().not());
        startButton.visibleProperty().bind(model.phaseProperty().isEqualTo(MigrationViewModel.Phase.SETUP));
        startButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open to show progress and the result
            model.start();
        });
        Button closeButton = (Button) getDialogPane().lookupButton(close);
        closeButton.setId("migrateClose");
        closeButton.disableProperty().bind(model.phaseProperty().isEqualTo(MigrationViewModel.Phase.RUNNING));
        setOnCloseRequest(e -> {
            if (model.phaseProperty().get() == MigrationViewModel.Phase.RUNNING) {
                e.consume(); // Cancel the migration first
            }
        });
        setResultConverter(button -> model.succeededProperty().get() ? model.options().options().orElse(null) : null);
        model.recheck();
    }

    public MigrationViewModel model() {
        return model;
    }

    private static CheckBox check(String label, String id, javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox(label);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static <E extends Enum<E>> StringConverter<E> labels(Messages messages, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : messages.get(prefix + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
