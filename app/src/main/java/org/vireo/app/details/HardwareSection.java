package org.vireo.app.details;

import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.main.DetailsSection;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.domain.DomainDescription;
import org.vireo.connections.domain.HardwareEdit;
import org.vireo.connections.domain.HardwareItem;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/**
 * The Hardware tab: the device list from the domain XML on the left, the chosen entry's properties on the right,
 * and the editable settings (memory, vCPUs, boot order, autostart, description) with Apply and Revert.
 */
public final class HardwareSection implements DetailsSection {
    private final VmDetailsModel model;
    private final Messages messages;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final ListView<HardwareItem> list = new ListView<>();
    private final GridPane properties = new GridPane();
    private final Label guest = new Label();
    private final TextField memory = new TextField();
    private final TextField vcpus = new TextField();
    private final TextField boot = new TextField();
    private final CheckBox autostart = new CheckBox();
    private final TextArea description = new TextArea();
    private final SplitPane root;
    private final HardwareLabels labels;

    public HardwareSection(VmDetailsModel model, Messages messages, DialogService dialogs, TaskExecutor ui) {
        this.model = model;
        this.messages = messages;
        this.labels = new HardwareLabels(messages);
        this.dialogs = dialogs;
        this.ui = ui;
        list.setId("hardwareList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HardwareItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : labels.title(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> showProperties(item));
        properties.setId("hardwareProperties");
        properties.setHgap(12);
        properties.setVgap(4);
        guest.setId("hardwareGuest");
        guest.setWrapText(true);
        memory.setId("hwMemory");
        vcpus.setId("hwVcpus");
        boot.setId("hwBoot");
        autostart.setId("hwAutostart");
        description.setId("hwDescription");
        description.setPrefRowCount(3);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(6);
        form.addRow(0, new Label(messages.get("hardware.memoryMiB")), memory);
        form.addRow(1, new Label(messages.get("hardware.vcpus")), vcpus);
        form.addRow(2, new Label(messages.get("hardware.boot")), boot);
        form.addRow(3, new Label(messages.get("hardware.autostart")), autostart);
        form.addRow(4, new Label(messages.get("hardware.description")), description);
        Button apply = new Button(messages.get("common.apply"));
        apply.setId("hwApply");
        apply.setOnAction(e -> apply());
        Button revert = new Button(messages.get("common.revert"));
        revert.setId("hwRevert");
        revert.setOnAction(e -> fill());
        VBox right = new VBox(10, guest, properties, new Label(messages.get("hardware.settings")), form,
                new HBox(8, apply, revert));
        right.setPadding(new Insets(8));
        root = new SplitPane(list, right);
        root.setId("hardwareSection");
        root.setDividerPositions(0.35);
        model.descriptionProperty().addListener((o, a, d) -> fill());
        model.addresses().addListener((javafx.collections.ListChangeListener<String>) c -> fillGuest());
    }

    @Override
    public String titleKey() {
        return "details.tab.hardware";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return vm != null;
    }

    @Override
    public void show(HostSnapshot host, VmInfo vm) {
        model.show(host, vm);
    }

    /** Puts the loaded configuration into the list and the form (also "Revert"). */
    private void fill() {
        DomainDescription d = model.descriptionProperty().get();
        VmInfo vm = model.vmProperty().get();
        list.getItems().setAll(d == null ? List.of() : d.hardware());
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        memory.setText(d == null || d.memoryKiB() < 0 ? "" : Long.toString(d.memoryKiB() / 1024));
        vcpus.setText(d == null ? "" : Integer.toString(d.vcpus()));
        boot.setText(d == null ? "" : String.join(", ", d.bootDevices()));
        boot.setDisable(d == null || d.deviceBootOrder());
        autostart.setSelected(vm != null && vm.autostart());
        description.setText(d == null || d.description() == null ? "" : d.description());
        fillGuest();
    }

    private void fillGuest() {
        DomainDescription d = model.descriptionProperty().get();
        String os = d == null || d.osId() == null ? messages.get("hardware.osUnknown") : d.osId();
        String ips = model.addresses().isEmpty() ? messages.get("hardware.noAddresses")
                : String.join(", ", model.addresses());
        guest.setText(messages.get("hardware.guest", os, ips));
    }

    private void showProperties(HardwareItem item) {
        properties.getChildren().clear();
        if (item == null) {
            return;
        }
        int row = 0;
        for (var entry : item.properties().entrySet()) {
            Label value = new Label(labels.value(entry.getValue()));
            value.setWrapText(true);
            properties.addRow(row++, new Label(labels.property(entry.getKey())), value);
        }
    }

    /** Builds an edit of only the fields that differ from the loaded configuration. */
    HardwareEdit edit() {
        DomainDescription d = model.descriptionProperty().get();
        Long newMemory = null;
        long mib = Long.parseLong(memory.getText().strip());
        if (d.memoryKiB() < 0 || mib != d.memoryKiB() / 1024) {
            newMemory = mib * 1024;
        }
        int cpus = Integer.parseInt(vcpus.getText().strip());
        Integer newCpus = cpus == d.vcpus() ? null : cpus;
        List<String> order = Arrays.stream(boot.getText().split("[,\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        List<String> newBoot = boot.isDisabled() || order.equals(d.bootDevices()) ? null : order;
        String oldText = d.description() == null ? "" : d.description();
        String newText = description.getText().strip().equals(oldText) ? null : description.getText().strip();
        return new HardwareEdit(newMemory, newCpus, newBoot, newText);
    }

    private void apply() {
        if (model.descriptionProperty().get() == null) {
            return;
        }
        HardwareEdit edit;
        try {
            edit = edit();
        } catch (IllegalArgumentException e) {
            dialogs.showError(messages.get("hardware.invalid"), e instanceof NumberFormatException
                    ? messages.get("hardware.notANumber") : Failures.message(e, messages), null);
            return;
        }
        ui.whenDone(model.apply(edit, autostart.isSelected()), changes -> { },
                e -> dialogs.showError(messages.get("hardware.applyFailed"), Failures.message(e, messages), Failures.unwrap(e)));
    }
}
