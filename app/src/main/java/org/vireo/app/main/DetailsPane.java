package org.vireo.app.main;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/** Right-hand side: an overview of the selected VM or host. */
public final class DetailsPane extends VBox {
    private final MainViewModel viewModel;
    private final Messages messages;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();

    public DetailsPane(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.messages = viewModel.messages();
        setId("details");
        getStyleClass().add("details");
        setPadding(new Insets(12));
        setSpacing(10);
        title.getStyleClass().add("details-title");
        title.setId("detailsTitle");
        grid.setHgap(12);
        grid.setVgap(6);
        getChildren().addAll(title, grid);
        viewModel.selectedVmProperty().addListener((o, a, b) -> render());
        viewModel.selectedHostProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        grid.getChildren().clear();
        VmInfo vm = viewModel.selectedVmProperty().get();
        HostSnapshot host = viewModel.selectedHostProperty().get();
        if (vm != null) {
            title.setText(vm.name());
            row(0, "details.state", messages.get("vmState." + vm.state().name()));
            row(1, "details.host", MainViewModel.sortName(host));
            row(2, "details.vcpus", Integer.toString(vm.vcpus()));
            row(3, "details.memory", Formats.kib(vm.memoryKiB()) + " / " + Formats.kib(vm.maxMemoryKiB()));
            row(4, "details.autostart", messages.get(vm.autostart() ? "common.yes" : "common.no"));
            row(5, "details.persistent", messages.get(vm.persistent() ? "common.yes" : "common.no"));
            row(6, "details.uuid", vm.uuid());
        } else if (host != null) {
            title.setText(MainViewModel.sortName(host));
            row(0, "details.uri", host.uri());
            row(1, "details.connection", messages.get("hostState." + host.state().name())
                    + (host.reason() == null ? "" : " — " + host.reason()));
            HostInfo info = host.info();
            if (info != null) {
                row(2, "details.hostname", info.hostname());
                row(3, "details.hypervisor", info.hypervisor() + " " + info.hypervisorVersion());
                row(4, "details.libvirt", info.libvirtVersion());
                row(5, "details.cpus", info.cpus() + " × " + info.cpuModel()
                        + " (" + info.sockets() + "×" + info.cores() + "×" + info.threads() + ")");
                row(6, "details.memory", Formats.kib(info.memoryKiB()));
                row(7, "details.vms", Long.toString(host.vms().stream().filter(v -> v.state().isActive()).count())
                        + " / " + host.vms().size());
            }
        } else {
            title.setText(messages.get("details.nothingSelected"));
        }
    }

    private void row(int index, String key, String value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("details-key");
        Label text = new Label(value);
        text.setId("details-" + key.substring(key.indexOf('.') + 1));
        grid.addRow(index, name, text);
    }
}
