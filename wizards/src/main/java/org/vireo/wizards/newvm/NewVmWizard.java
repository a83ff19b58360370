package org.vireo.wizards.newvm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vireo.connections.host.VirtType;
import org.vireo.resources.Messages;
import org.vireo.wizards.newvm.NewVmWizardViewModel.Page;

/**
 * The new-VM wizard window: the view of {@link NewVmWizardViewModel}, one grid per {@link Page}. Back, Next and
 * Finish only ask the ViewModel; the problem of the current page shows under it. While the job runs, Cancel
 * cancels the job (which cleans up) instead of closing the window.
 */
public final class NewVmWizard extends Dialog<NewVmJob.Created> {
    private final NewVmWizardViewModel model;
    private final Messages messages;
    private final Map<Page, GridPane> pages = new EnumMap<>(Page.class);
    // Spinners bind through these adapters; kept as fields so the bindings are not garbage-collected.
    private final ObjectProperty<Integer> memoryValue;
    private final ObjectProperty<Integer> vcpuValue;
    private final ObjectProperty<Integer> diskValue;
    private Function<javafx.stage.Window, java.io.File> isoChooser = this::chooseIso;

    public NewVmWizard(NewVmWizardViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.memoryValue = model.memoryMiBProperty().asObject();
        this.vcpuValue = model.vcpusProperty().asObject();
        this.diskValue = model.diskGiBProperty().asObject();
        setTitle(messages.get("newVm.title"));
        setResizable(true);
        getDialogPane().setId("newVmWizard");
        getDialogPane().getProperties().put(NewVmWizard.class, this); // tests reach the wizard from its pane
        for (Page p : Page.values()) {
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(8);
            grid.setId("newVmPage-" + p.name());
            grid.visibleProperty().bind(model.pageProperty().isEqualTo(p));
            pages.put(p, grid);
        }
        sourcePage(pages.get(Page.SOURCE));
        osPage(pages.get(Page.OS));
        memoryPage(pages.get(Page.MEMORY_CPU));
        storagePage(pages.get(Page.STORAGE));
        reviewPage(pages.get(Page.REVIEW));
        headerTextProperty().bind(Bindings.createStringBinding(() -> messages.get("newVm.page."
                + model.pageProperty().get().name()), model.pageProperty()));

        Label error = label("newVmError", model.pageErrorProperty());
        error.setStyle("-fx-text-fill: #b3261e;");
        Label jobError = label("newVmJobError", model.jobErrorProperty());
        jobError.setStyle("-fx-text-fill: #b3261e;");
        Label progress = label("newVmProgress", model.progressProperty());
        VBox content = new VBox(10, new StackPane(pages.values().toArray(Node[]::new)), error, progress, jobError);
        content.setPadding(new Insets(10));
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        buttons();
    }

    private void buttons() {
        ButtonType back = new ButtonType(messages.get("newVm.back"), ButtonBar.ButtonData.BACK_PREVIOUS);
        ButtonType next = new ButtonType(messages.get("newVm.next"), ButtonBar.ButtonData.NEXT_FORWARD);
        ButtonType finish = new ButtonType(messages.get("newVm.finish"), ButtonBar.ButtonData.FINISH);
        getDialogPane().getButtonTypes().addAll(back, next, finish, ButtonType.CANCEL);
        Button backButton = (Button) getDialogPane().lookupButton(back);
        Button nextButton = (Button) getDialogPane().lookupButton(next);
        Button finishButton = (Button) getDialogPane().lookupButton(finish);
        Button cancelButton = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        backButton.setId("newVmBack");
        nextButton.setId("newVmNext");
        finishButton.setId("newVmFinish");
        cancelButton.setId("newVmCancel");
        backButton.disableProperty().bind(model.canGoBackProperty().not());
        nextButton.disableProperty().bind(model.canGoNextProperty().not());
        finishButton.disableProperty().bind(model.canFinishProperty().not());
        backButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.back();
        });
        nextButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.next();
        });
        finishButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.finish();
        });
        cancelButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (model.runningProperty().get()) {
                e.consume();
                model.cancel();
            } else if (model.uploadingProperty().get()) {
                e.consume();
                model.cancelUpload();
            }
        });
        model.createdProperty().addListener((o, was, now) -> {
            if (now != null) {
                setResult(now);
                close();
            }
        });
        setResultConverter(button -> model.createdProperty().get());
    }

    private void sourcePage(GridPane grid) {
        ComboBox<NewVmHosts.HostRef> host = new ComboBox<>(model.hostChoices());
        host.setId("newVmHost");
        host.valueProperty().bindBidirectional(model.hostChoiceProperty());
        Label placement = label("newVmPlacement", model.placementReasonProperty());
        TextField name = text("newVmName", model.nameProperty());
        ToggleGroup kinds = new ToggleGroup();
        VBox sources = new VBox(4);
        for (InstallSource.Kind kind : InstallSource.Kind.values()) {
            RadioButton radio = new RadioButton(messages.get("newVm.source." + kind.name()));
            radio.setId("newVmSource-" + kind.name());
            radio.setToggleGroup(kinds);
            radio.setUserData(kind);
            radio.setSelected(model.sourceKindProperty().get() == kind);
            sources.getChildren().add(radio);
        }
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.sourceKindProperty().set((InstallSource.Kind) now.getUserData());
            }
        });
        ComboBox<String> iso = editable("newVmIso", model.isoChoices(), model.isoPathProperty());
        Button upload = new Button(messages.get("newVm.upload"));
        upload.setId("newVmUploadIso");
        upload.setOnAction(e -> {
            java.io.File file = isoChooser.apply(getDialogPane().getScene().getWindow());
            if (file != null) {
                model.uploadIso(file.toPath());
            }
        });
        upload.disableProperty().bind(model.sourceKindProperty().isNotEqualTo(InstallSource.Kind.CDROM)
                .or(model.uploadingProperty()).or(model.factsProperty().isNull()));
        javafx.scene.control.ProgressBar uploadBar = new javafx.scene.control.ProgressBar();
        uploadBar.setId("newVmUploadProgress");
        uploadBar.progressProperty().bind(model.uploadProgressProperty());
        uploadBar.visibleProperty().bind(model.uploadingProperty());
        uploadBar.managedProperty().bind(model.uploadingProperty());
        Button cancelUpload = new Button(messages.get("newVm.cancelUpload"));
        cancelUpload.setId("newVmCancelUpload");
        cancelUpload.setOnAction(e -> model.cancelUpload());
        cancelUpload.visibleProperty().bind(model.uploadingProperty());
        cancelUpload.managedProperty().bind(model.uploadingProperty());
        javafx.scene.layout.HBox uploadRow = new javafx.scene.layout.HBox(8, upload, uploadBar, cancelUpload,
                label("newVmUploadStatus", model.uploadStatusProperty()));
        TextField url = text("newVmUrl", model.locationUrlProperty());
        TextField args = text("newVmKernelArgs", model.kernelArgsProperty());
        ComboBox<String> disk = editable("newVmImport", model.diskChoices(), model.importPathProperty());
        iso.disableProperty().bind(model.sourceKindProperty().isNotEqualTo(InstallSource.Kind.CDROM));
        url.disableProperty().bind(model.sourceKindProperty().isNotEqualTo(InstallSource.Kind.LOCATION));
        args.disableProperty().bind(url.disableProperty());
        disk.disableProperty().bind(model.sourceKindProperty().isNotEqualTo(InstallSource.Kind.IMPORT));
        int row = 0;
        row = add(grid, row, "newVm.host", host);
        grid.add(placement, 1, row++);
        row = add(grid, row, "newVm.name", name);
        row = add(grid, row, "newVm.source", sources);
        row = add(grid, row, "newVm.iso", iso);
        grid.add(uploadRow, 1, row++);
        row = add(grid, row, "newVm.url", url);
        row = add(grid, row, "newVm.kernelArgs", args);
        add(grid, row, "newVm.importDisk", disk);
    }

    private void osPage(GridPane grid) {
        ComboBox<OsVariant> os = new ComboBox<>();
        os.getItems().setAll(model.osChoices());
        os.setId("newVmOs");
        os.valueProperty().bindBidirectional(model.osProperty());
        int row = add(grid, 0, "newVm.os", os);
        grid.add(label("newVmOsGuess", model.osGuessProperty()), 1, row);
    }

    private void memoryPage(GridPane grid) {
        Spinner<Integer> memory = spinner("newVmMemory", 64, 4 * 1024 * 1024, 256, memoryValue);
        Spinner<Integer> vcpus = spinner("newVmVcpus", 1, 1024, 1, vcpuValue);
        int row = add(grid, 0, "newVm.memory", memory);
        row = add(grid, row, "newVm.vcpus", vcpus);
        grid.add(label("newVmHostResources", model.hostResourcesProperty()), 1, row);
    }

    private void storagePage(GridPane grid) {
        ToggleGroup choice = new ToggleGroup();
        RadioButton create = new RadioButton(messages.get("newVm.storage.create"));
        create.setId("newVmCreateDisk");
        RadioButton existing = new RadioButton(messages.get("newVm.storage.existing"));
        existing.setId("newVmExistingDiskChoice");
        create.setToggleGroup(choice);
        existing.setToggleGroup(choice);
        create.setSelected(model.createDiskProperty().get());
        existing.setSelected(!model.createDiskProperty().get());
        create.selectedProperty().addListener((o, was, now) -> model.createDiskProperty().set(now));
        ComboBox<String> pool = new ComboBox<>(model.pools());
        pool.setId("newVmPool");
        pool.valueProperty().bindBidirectional(model.poolProperty());
        Spinner<Integer> size = spinner("newVmDiskSize", 1, 64 * 1024, 1, diskValue);
        ComboBox<String> format = new ComboBox<>();
        format.getItems().setAll(List.of("qcow2", "raw"));
        format.setId("newVmDiskFormat");
        format.valueProperty().bindBidirectional(model.diskFormatProperty());
        ComboBox<String> existingDisk = editable("newVmExistingDisk", model.diskChoices(), model.existingDiskProperty());
        for (Node n : new Node[] {pool, size, format}) {
            n.disableProperty().bind(model.createDiskProperty().not());
        }
        existingDisk.disableProperty().bind(model.createDiskProperty());
        int row = 0;
        grid.add(create, 0, row++, 2, 1);
        row = add(grid, row, "newVm.pool", pool);
        grid.add(label("newVmPoolFree", model.poolFreeProperty()), 1, row++);
        row = add(grid, row, "newVm.diskSize", size);
        row = add(grid, row, "newVm.diskFormat", format);
        grid.add(existing, 0, row++, 2, 1);
        add(grid, row, "newVm.existingDisk", existingDisk);
    }

    private void reviewPage(GridPane grid) {
        Label summary = new Label();
        summary.setId("newVmSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(model::summary, model.pageProperty(),
                model.networkProperty(), model.virtTypeProperty()));
        ComboBox<NetworkChoice> network = new ComboBox<>(model.networkChoices());
        network.setId("newVmNetwork");
        network.setConverter(converter(model::describe));
        network.valueProperty().bindBidirectional(model.networkProperty());
        ComboBox<VirtType> virt = new ComboBox<>(model.virtTypes());
        virt.setId("newVmVirtType");
        virt.setConverter(converter(VirtType::label));
        virt.valueProperty().bindBidirectional(model.virtTypeProperty());
        ComboBox<String> arch = new ComboBox<>(model.arches());
        arch.setId("newVmArch");
        arch.valueProperty().bindBidirectional(model.archProperty());
        ComboBox<Firmware> firmware = new ComboBox<>(model.firmwares());
        firmware.setId("newVmFirmware");
        firmware.valueProperty().bindBidirectional(model.firmwareProperty());
        CheckBox customize = new CheckBox(messages.get("newVm.customize"));
        customize.setId("newVmCustomize");
        customize.selectedProperty().bindBidirectional(model.customizeProperty());
        CheckBox console = new CheckBox(messages.get("newVm.openConsole"));
        console.setId("newVmOpenConsole");
        console.selectedProperty().bindBidirectional(model.openConsoleProperty());
        int row = 0;
        grid.add(summary, 0, row++, 2, 1);
        row = add(grid, row, "newVm.network", network);
        row = add(grid, row, "newVm.virtType", virt);
        row = add(grid, row, "newVm.arch", arch);
        row = add(grid, row, "newVm.firmware", firmware);
        grid.add(customize, 1, row++);
        grid.add(console, 1, row);
    }

    /** Replaces the file chooser (tests: no native dialog to drive). */
    public void setIsoChooser(Function<javafx.stage.Window, java.io.File> chooser) {
        isoChooser = chooser;
    }

    private java.io.File chooseIso(javafx.stage.Window owner) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.get("newVm.upload"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("ISO", "*.iso", "*.ISO"));
        return chooser.showOpenDialog(owner);
    }

    private int add(GridPane grid, int row, String labelKey, Node field) {
        grid.add(new Label(messages.get(labelKey)), 0, row);
        grid.add(field, 1, row);
        return row + 1;
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(560);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    private static TextField text(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** A path typed or one chosen from the host's volumes; the text is the value, no Enter needed. */
    private static ComboBox<String> editable(String id, javafx.collections.ObservableList<String> items,
                                             StringProperty property) {
        ComboBox<String> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.setEditable(true);
        combo.setPrefWidth(420);
        combo.getEditor().textProperty().bindBidirectional(property);
        combo.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                property.set(now);
            }
        });
        return combo;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int step, ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.setId(id);
        factory.valueProperty().bindBidirectional(value);
        return spinner;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
