package org.vireo.app.migrate;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.main.MainViewModel;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.MigrationRequest;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;
import org.vireo.wizards.migrate.MigrationDialog;
import org.vireo.wizards.migrate.MigrationViewModel;

/**
 * Opens the migration dialog for a VM (menu, toolbar, context menu, drop on a host) and remembers the options
 * last used; after "don't ask again", a drop migrates at once with them. Runs on the FX thread.
 */
public final class MigrationLauncher {
    private final MainViewModel viewModel;
    private final Migrator migrator;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final Messages messages;
    private final Supplier<Window> owner;
    private final org.vireo.app.jobs.JobTracking jobs;
    private MigrationOptions lastOptions;
    private boolean dontAsk;

    public MigrationLauncher(MainViewModel viewModel, Migrator migrator, DialogService dialogs, TaskExecutor ui,
                             Supplier<Window> owner, org.vireo.app.jobs.JobTracking jobs) {
        this.jobs = jobs;
        this.viewModel = viewModel;
        this.migrator = migrator;
        this.dialogs = dialogs;
        this.ui = ui;
        this.messages = viewModel.messages();
        this.owner = owner;
    }

    /** True when the selected VM can be migrated: a VM on a connected host. */
    public static boolean applies(VmInfo vm, org.vireo.connections.model.HostSnapshot host) {
        return vm != null && host != null && host.state().isConnected();
    }

    public void migrateSelected() {
        VmInfo vm = viewModel.selectedVmProperty().get();
        var host = viewModel.selectedHostProperty().get();
        if (applies(vm, host)) {
            openDialog(host.connectionId(), vm, null);
        }
    }

    /** The dialog, pre-filled with the last options and {@code destinationId} when given. */
    public void openDialog(String sourceId, VmInfo vm, String destinationId) {
        Optional<HostConnection> source = viewModel.host(sourceId);
        if (source.isEmpty()) {
            return;
        }
        MigrationViewModel model = new MigrationViewModel(migrator, source.get(), vm, targets(), ui::runOnUi, messages);
        if (lastOptions != null) {
            model.apply(lastOptions);
        }
        if (destinationId != null) {
            model.selectDestination(destinationId);
        }
        model.dontAskAgainProperty().set(dontAsk);
        MigrationDialog dialog = new MigrationDialog(model, messages);
        jobs.migration(model, dialog::isShowing);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.showAndWait().ifPresent(used -> {
            lastOptions = used;
            dontAsk = model.dontAskAgainProperty().get();
        });
    }

    /** VMs of one host dropped on another host: ask per VM, or migrate at once after "don't ask again". */
    public void dropped(String sourceId, List<VmInfo> vms, String destinationId) {
        for (VmInfo vm : vms) {
            if (dontAsk && lastOptions != null) {
                migrateAtOnce(sourceId, vm, destinationId);
            } else {
                openDialog(sourceId, vm, destinationId);
            }
        }
    }

    private void migrateAtOnce(String sourceId, VmInfo vm, String destinationId) {
        Optional<HostConnection> source = viewModel.host(sourceId);
        Optional<HostConnection> dest = viewModel.host(destinationId);
        if (source.isEmpty() || dest.isEmpty()) {
            return;
        }
        MigrationOptions options = lastOptions.withMode(vm.state().isActive() ? MigrationMode.LIVE : MigrationMode.OFFLINE);
        String to = org.vireo.connections.migration.MigrationTargets.label(dest.get().snapshot());
        viewModel.showStatus(messages.get("status.migrating", vm.name(), to));
        org.vireo.app.jobs.JobRegistry.Handle job = jobs.migration(vm.name(), to);
        ui.whenDone(migrator.start(new MigrationRequest(vm.uuid(), source.get(), dest.get(), options),
                        p -> job.progress(p.fraction(), "")).result(),
                result -> {
                    viewModel.showStatus(messages.get("status.migrated", vm.name(), to));
                    job.succeeded(messages.get("status.migrated", vm.name(), to));
                },
                error -> {
                    job.failed(Failures.message(error, messages), "");
                    viewModel.showStatus(messages.get("status.migrateFailed", vm.name(), Failures.message(error, messages)));
                    dialogs.showError(messages.get("status.migrateFailed", vm.name(), ""), Failures.message(error, messages),
                            Failures.unwrap(error));
                });
    }

    /** Hosts in maintenance take no VMs. */
    private List<HostConnection> targets() {
        return viewModel.connections().stream().filter(h -> !viewModel.maintenance().contains(h.id())).toList();
    }

    /** Host → Evacuate…: shows the plan; running it puts the host in maintenance. */
    public void evacuateSelected() {
        var host = viewModel.selectedHostProperty().get();
        if (host == null || !host.state().isConnected()) {
            return;
        }
        Optional<HostConnection> connection = viewModel.host(host.connectionId());
        if (connection.isEmpty()) {
            return;
        }
        MigrationOptions base = lastOptions != null ? lastOptions : MigrationOptions.defaults(MigrationMode.LIVE);
        var evacuation = new org.vireo.wizards.migrate.EvacuationViewModel(migrator, connection.get(), targets(), base,
                ui::runOnUi, messages);
        // In maintenance from the moment the plan runs (not when the dialog merely opened): nothing is placed there.
        evacuation.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                viewModel.maintenance().mark(host.connectionId());
            }
        });
        org.vireo.wizards.migrate.EvacuationDialog dialog = new org.vireo.wizards.migrate.EvacuationDialog(evacuation,
                messages);
        jobs.evacuation(evacuation, dialog::isShowing);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.showAndWait();
    }

    public void leaveMaintenanceSelected() {
        var host = viewModel.selectedHostProperty().get();
        if (host != null) {
            viewModel.maintenance().clear(host.connectionId());
        }
    }

    public Migrator migrator() {
        return migrator;
    }
}
