package org.vireo.app.main;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/** The Overview tab: state and facts of the selected VM or host. */
final class OverviewSection extends VBox implements DetailsSection {
    private final Messages messages;
    private final Units units;
    private final GridPane grid = new GridPane();

    OverviewSection(MainViewModel viewModel) {
        this.messages = viewModel.messages();
        this.units = new Units(messages);
        setId("overview");
        setPadding(new Insets(12));
        setSpacing(10);
        grid.setHgap(12);
        grid.setVgap(6);
        getChildren().add(grid);
        show(null, null);
    }

    @Override
    public String titleKey() {
        return "details.tab.overview";
    }

    @Override
    public javafx.scene.Node content() {
        return this;
    }

    @Override
    public boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return true;
    }

    @Override
    public void show(HostSnapshot host, VmInfo vm) {
        grid.getChildren().clear();
        if (vm != null) {
            row(0, "details.state", messages.get("vmState." + vm.state().name()));
            row(1, "details.host", MainViewModel.sortName(host));
            row(2, "details.vcpus", Integer.toString(vm.vcpus()));
            row(3, "details.memory", units.kib(vm.memoryKiB()) + " / " + units.kib(vm.maxMemoryKiB()));
            row(4, "details.autostart", messages.get(vm.autostart() ? "common.yes" : "common.no"));
            row(5, "details.persistent", messages.get(vm.persistent() ? "common.yes" : "common.no"));
            row(6, "details.uuid", vm.uuid());
        } else if (host != null) {
            row(0, "details.uri", host.uri());
            row(1, "details.connection", messages.get("hostState." + host.state().name())
                    + (host.reason() == null ? "" : " — " + host.reason().in(messages)));
            HostInfo info = host.info();
            if (info != null) {
                row(2, "details.hostname", info.hostname());
                row(3, "details.hypervisor", info.hypervisor() + " " + info.hypervisorVersion());
                row(4, "details.libvirt", info.libvirtVersion());
                row(5, "details.cpus", info.cpus() + " × " + info.cpuModel()
                        + " (" + info.sockets() + "×" + info.cores() + "×" + info.threads() + ")");
                row(6, "details.memory", units.kib(info.memoryKiB()));
                row(7, "details.vms", Long.toString(host.vms().stream().filter(v -> v.state().isActive()).count())
                        + " / " + host.vms().size());
            }
        }
    }

    private void row(int index, String key, String value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("details-key");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long value (a French reason) is cut, never the key
        Label text = new Label(value);
        text.setId("details-" + key.substring(key.indexOf('.') + 1));
        grid.addRow(index, name, text);
    }
}
