package org.vireo.app.main;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import org.controlsfx.control.StatusBar;
import org.vireo.app.importing.ConnectProgressWindow;
import org.vireo.app.console.ConsoleSection;
import org.vireo.app.console.ConsoleServices;
import org.vireo.app.task.TaskExecutor;
import org.vireo.wizards.importnodes.ImportNodesDialog;
import org.vireo.wizards.importnodes.ImportNodesViewModel;
import org.vireo.app.actions.BulkProgressView;
import org.vireo.app.actions.Confirmations;
import org.vireo.app.actions.FxConfirmPrompt;
import org.vireo.app.actions.VmAction;
import org.vireo.app.actions.VmDialogCommands;
import org.vireo.app.details.DiffDialog;
import org.vireo.app.details.HardwareSection;
import org.vireo.app.details.SnapshotsSection;
import org.vireo.app.details.VmDetailsModel;
import org.vireo.app.details.XmlSection;
import org.vireo.app.graphs.BusiestSection;
import org.vireo.app.graphs.GraphsSection;
import org.vireo.app.graphs.StatsFeed;
import org.vireo.app.graphs.TreeStatsColumns;
import org.vireo.app.dialog.DialogService;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.resources.Messages;
import org.vireo.wizards.addconnection.AddConnectionDialog;
import org.vireo.wizards.addconnection.AddConnectionViewModel;
import org.vireo.wizards.newvm.FleetHosts;
import org.vireo.wizards.newvm.NewVmJob;
import org.vireo.wizards.newvm.NewVmWizard;
import org.vireo.app.prefs.LivePreferences;
import org.vireo.app.prefs.Preferences;
import org.vireo.app.prefs.PreferencesDialog;
import org.vireo.app.prefs.PreferencesViewModel;
import org.vireo.wizards.newvm.NewVmWizardViewModel;
import org.vireo.wizards.newvm.OsCatalogue;

/** Main window layout: menus and toolbar (sharing one set of commands), host tree, details, status bar. */
public final class MainWindow {
    private final MainViewModel viewModel;
    private final DialogService dialogs;
    private final Messages messages;
    private final Runnable quit;
    private final java.util.concurrent.Executor background;
    private final TaskExecutor ui;
    private final Map<VmAction, ObservableBooleanValue> disabled = new EnumMap<>(VmAction.class);
    private final Command connect;
    private final Command disconnect;
    private final Command remove;
    private final Command newVm;
    private java.util.function.Consumer<NewVmJob.Created> onVmCreated;
    private final org.vireo.app.migrate.MigrationLauncher migrations;
    private final Command migrate;
    private final Command evacuate;
    private final Command leaveMaintenance;
    private final ConsoleServices consoles;
    private final StatsFeed stats;
    private LivePreferences preferences;
    private Parent root;
    private HostTreeView tree;
    private DetailsPane details;
    private final VmDialogCommands vmDialogs;
    private org.vireo.app.hosts.HostTableWindow hostTable;

    /**
     * One command as menus, toolbar and context menus show it: label, action, when it does not apply, and its
     * keyboard shortcut (null for none). The Help → Keyboard shortcuts window lists the menus' commands.
     */
    private record Command(String labelKey, Runnable action, ObservableBooleanValue disabled, KeyCombination accelerator) {
        Command(String labelKey, Runnable action, ObservableBooleanValue disabled) {
            this(labelKey, action, disabled, null);
        }

        /** A command that always applies, with shortcut {@code keys} (virt-manager's where it has one). */
        static Command always(String labelKey, Runnable action, String keys) {
            return new Command(labelKey, action, new javafx.beans.property.SimpleBooleanProperty(false),
                    keys == null ? null : KeyCombination.keyCombination(keys));
        }
    }

    /** The menu bar's entries and their commands: the source of the keyboard-shortcuts window. */
    private final Map<MenuItem, Command> menuCommands = new java.util.HashMap<>();
    private MenuBar menuBar;
    private final org.vireo.app.jobs.JobTracking jobs;
    private final org.vireo.app.jobs.JobsView jobsView;

    /**
     * @param background where files are read (never the FX thread)
     * @param ui         hands results back to the FX thread
     */
    public MainWindow(MainViewModel viewModel, DialogService dialogs, java.util.concurrent.Executor background,
                      TaskExecutor ui, Runnable quit, ConsoleServices consoles, StatsFeed stats) {
        this.stats = stats;
        this.viewModel = viewModel;
        this.consoles = consoles;
        this.background = background;
        this.ui = ui;
        this.dialogs = dialogs;
        this.messages = viewModel.messages();
        this.quit = quit;
        for (VmAction action : VmAction.values()) {
            disabled.put(action, Bindings.createBooleanBinding(() -> !viewModel.canRun(action),
                    viewModel.selectedVmProperty(), viewModel.selectedHostProperty(), viewModel.selectedRows(),
                    viewModel.hosts()));
        }
        vmDialogs = new VmDialogCommands(viewModel, dialogs, ui, this::window,
                () -> details.select("details.tab.snapshots"));
        connect = new Command("menu.connect", viewModel::connectSelected, hostNotIn(ConnectionState.CONNECTED,
                ConnectionState.CONNECTING));
        disconnect = new Command("menu.disconnect", viewModel::disconnectSelected, hostNotIn(ConnectionState.DISCONNECTED));
        remove = new Command("menu.removeConnection", this::removeConnection, Bindings.createBooleanBinding(
                () -> viewModel.selectedHostProperty().get() == null || viewModel.selectedVmProperty().get() != null,
                viewModel.selectedHostProperty(), viewModel.selectedVmProperty()));
        newVm = new Command("menu.newVm", this::newVm, Bindings.createBooleanBinding(
                () -> viewModel.hosts().stream().noneMatch(h -> h.state().isConnected()), viewModel.hosts()),
                KeyCombination.keyCombination("Shortcut+N"));
        jobs = new org.vireo.app.jobs.JobTracking(new org.vireo.app.jobs.JobRegistry(), messages);
        jobsView = new org.vireo.app.jobs.JobsView(jobs.registry(), messages, ui, this::window);
        onVmCreated = created -> {
            viewModel.selectVmWhenListed(created.hostId(), created.uuid());
            if (created.pending() != null) {
                customizeBeforeInstall(created);
            }
        };
        migrations = new org.vireo.app.migrate.MigrationLauncher(viewModel, new org.vireo.connections.migration.Migrator(),
                dialogs, ui, () -> root == null || root.getScene() == null ? null : root.getScene().getWindow(), jobs);
        migrate = new Command("menu.migrate", migrations::migrateSelected, Bindings.createBooleanBinding(
                () -> !org.vireo.app.migrate.MigrationLauncher.applies(viewModel.selectedVmProperty().get(),
                        viewModel.selectedHostProperty().get()),
                viewModel.selectedVmProperty(), viewModel.selectedHostProperty()), KeyCombination.keyCombination("Shortcut+M"));
        evacuate = new Command("menu.evacuate", migrations::evacuateSelected, hostNotIn(ConnectionState.DISCONNECTED,
                ConnectionState.CONNECTING, ConnectionState.LOST, ConnectionState.RECONNECTING));
        leaveMaintenance = new Command("menu.clearMaintenance", migrations::leaveMaintenanceSelected,
                Bindings.createBooleanBinding(() -> viewModel.selectedHostProperty().get() == null
                        || !viewModel.maintenanceIds().contains(viewModel.selectedHostProperty().get().connectionId()),
                        viewModel.selectedHostProperty(), viewModel.maintenanceIds()));
    }

    /**
     * What happens once the new-VM wizard made a VM; by default it is selected in the tree. The console feature
     * replaces this to also open the console when {@code openConsole} was ticked.
     */
    public void setOnVmCreated(java.util.function.Consumer<NewVmJob.Created> action) {
        onVmCreated = action;
    }

    /** Disabled without a selected host, or when the selected host is in one of {@code states}. */
    private ObservableBooleanValue hostNotIn(ConnectionState... states) {
        return Bindings.createBooleanBinding(() -> {
            HostSnapshot host = viewModel.selectedHostProperty().get();
            return host == null || java.util.Arrays.asList(states).contains(host.state());
        }, viewModel.selectedHostProperty());
    }

    public Parent build() {
        tree = new HostTreeView(viewModel);
        viewModel.setConfirmations(new Confirmations((title, message) ->
                new FxConfirmPrompt(window(), messages).ask(title, message),
                preferences == null ? Confirmations.Memory.forThisSession() : preferences.confirmationMemory()));
        viewModel.setBulkViewer(run -> {
            javafx.stage.Stage view = BulkProgressView.show(run, window(), messages);
            jobs.bulk(run, view::isShowing);
        });
        TreeStatsColumns.install(tree, stats, messages);
        tree.setHostContextMenu(new ContextMenu(item(connect, "contextConnect"), item(disconnect, "contextDisconnect"),
                new SeparatorMenuItem(), item(evacuate, "contextEvacuate"), item(leaveMaintenance, "contextLeaveMaintenance"),
                new SeparatorMenuItem(), item(remove, "contextRemove")));
        tree.setGroupContextMenu(groupMenu());
        tree.setVmContextMenu(new ContextMenu(item(migrate, "contextMigrate")));
        org.vireo.app.migrate.DragToMigrate.attach(tree, viewModel, migrations);
        details = new DetailsPane(viewModel, detailsSections());
        VBox inventory = new VBox(new InventoryFilterBar(viewModel), tree);
        VBox.setVgrow(tree, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(inventory, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);

        BorderPane pane = new BorderPane(split);
        pane.setId("mainWindow");
        pane.setTop(new VBox(menuBar(), toolBar()));
        pane.setBottom(statusBar());
        acceptDroppedNodeLists(pane);
        root = pane;
        // Read once off the FX thread, so error reports can name the client library without loading it there.
        java.util.concurrent.CompletableFuture.runAsync(org.vireo.connections.libvirt.LibvirtClientVersion::read, background)
                .exceptionally(e -> {
                    java.util.logging.Logger.getLogger(MainWindow.class.getName()).warning(e.getMessage());
                    return null;
                });
        // Each import (or group "Connect all") gets its own progress window.
        viewModel.importBatchProperty().addListener((obs, old, batch) -> {
            if (batch != null) {
                ConnectProgressWindow view = new ConnectProgressWindow(batch, messages,
                        pane.getScene() == null ? null : pane.getScene().getWindow());
                jobs.connect(batch, view::isShowing);
                view.show();
            }
        });
        return pane;
    }

    /**
     * Keyboard focus starts in the tree, not in the search box: a focused text field blinks its caret, and that
     * animation keeps JavaFX pulsing 60 times a second while the window is otherwise idle.
     */
    public void focusInventory() {
        tree.requestFocus();
    }

    /** Right-click on a folder: connect, disconnect or rename the whole group. */
    private ContextMenu groupMenu() {
        return new ContextMenu(
                item("menu.group.connectAll", "groupConnectAll", () -> onSelectedGroup(viewModel::connectGroup)),
                item("menu.group.disconnectAll", "groupDisconnectAll", () -> onSelectedGroup(viewModel::disconnectGroup)),
                new SeparatorMenuItem(),
                item("menu.group.rename", "groupRename", () -> onSelectedGroup(this::renameGroup)));
    }

    private void onSelectedGroup(java.util.function.Consumer<String> action) {
        String group = viewModel.selectedGroup();
        if (group != null) {
            action.accept(group);
        }
    }

    private void renameGroup(String group) {
        dialogs.askText(messages.get("group.rename.title"), messages.get("group.rename.prompt", group), group)
                .ifPresent(name -> viewModel.renameGroup(group, name));
    }

    /** The tabs beside Overview, one per feature (graphs, console, …). */
    private List<DetailsSection> detailsSections() {
        VmDetailsModel vmDetails = new VmDetailsModel(viewModel::host, ui, messages);
        org.vireo.app.hosts.HostPageModel hostPage = new org.vireo.app.hosts.HostPageModel(viewModel::host, ui, messages);
        return List.of(new HardwareSection(vmDetails, messages, dialogs, ui),
                new XmlSection(vmDetails, messages, dialogs, ui, (title, changes) ->
                        DiffDialog.prompt(window(), messages).confirm(title, changes)),
                new SnapshotsSection(vmDetails, messages, dialogs, ui, viewModel.confirmations(),
                        vm -> SnapshotsSection.dialogPrompt(window(), messages).ask(vm)),
                new ConsoleSection(consoles, viewModel.hosts(), dialogs, ui, messages),
                new org.vireo.app.hosts.StorageSection(hostPage, messages),
                new org.vireo.app.hosts.NetworksSection(hostPage, messages),
                new GraphsSection(stats, messages), new BusiestSection(stats, viewModel::hosts, messages));
    }

    /** Opens the host table beside the main window, or brings the open one to the front. */
    void showHostTable() {
        if (hostTable != null && hostTable.stage().isShowing()) {
            hostTable.stage().toFront();
            return;
        }
        hostTable = new org.vireo.app.hosts.HostTableWindow(new org.vireo.app.hosts.HostTableModel(viewModel, ui),
                messages, window());
        hostTable.show();
    }

    private javafx.stage.Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    private MenuBar menuBar() {
        Menu file = new Menu(messages.get("menu.file"));
        MenuItem add = menuItem(Command.always("menu.addConnection", this::addConnection, "Shortcut+Shift+N"), "menuAddConnection");
        MenuItem removeItem = menuItem(remove, "menuRemoveConnection");
        MenuItem exit = menuItem(Command.always("menu.quit", quit, "Shortcut+Q"), "menuQuit");
        MenuItem importNodes = menuItem(Command.always("menu.importNodes", this::chooseNodeList, "Shortcut+I"), "menuImportNodes");
        MenuItem newVmItem = menuItem(newVm, "menuNewVm");
        file.getItems().addAll(newVmItem, new SeparatorMenuItem(), add, importNodes, removeItem, new SeparatorMenuItem(), exit);

        Menu host = new Menu(messages.get("menu.host"));
        host.getItems().addAll(menuItem(connect, "menuConnect"), menuItem(disconnect, "menuDisconnect"), new SeparatorMenuItem(),
                menuItem(evacuate, "menuEvacuate"), menuItem(leaveMaintenance, "menuLeaveMaintenance"));

        Menu vm = new Menu(messages.get("menu.vm"));
        for (VmAction action : VmAction.values()) {
            MenuItem item = item(action.messageKey(), "menu-" + action.name(), () -> viewModel.run(action));
            item.disableProperty().bind(disabled.get(action));
            vm.getItems().add(item);
        }
        vm.getItems().add(new SeparatorMenuItem());
        for (VmDialogCommands.Kind kind : VmDialogCommands.Kind.values()) {
            MenuItem item = item(kind.messageKey(), "menu-" + kind.name(), () -> vmDialogs.run(kind));
            item.disableProperty().bind(Bindings.createBooleanBinding(() -> !vmDialogs.applies(kind),
                    viewModel.selectedRows(), viewModel.hosts(), viewModel.selectedVmProperty()));
            vm.getItems().add(item);
        }
        vm.getItems().addAll(new SeparatorMenuItem(), menuItem(migrate, "menuMigrate"));
        Menu view = new Menu(messages.get("menu.view"));
        view.getItems().addAll(menuItem(Command.always("menu.hostTable", this::showHostTable, "Shortcut+T"), "menuHostTable"),
                menuItem(Command.always("menu.jobs", jobsView::show, "Shortcut+J"), "menuJobs"), new SeparatorMenuItem(),
                menuItem(Command.always("menu.view.overview", () -> details.select("details.tab.overview"), "Shortcut+1"),
                        "menuViewOverview"),
                menuItem(Command.always("menu.view.console", () -> details.select("details.tab.console"), "Shortcut+2"),
                        "menuViewConsole"));
        Menu edit = new Menu(messages.get("menu.edit"));
        if (preferences != null) {
            edit.getItems().add(menuItem(Command.always("menu.preferences", this::editPreferences, "Shortcut+Comma"),
                    "menuPreferences"));
        }
        Menu help = new Menu(messages.get("menu.help"));
        help.getItems().addAll(menuItem(Command.always("menu.shortcuts", this::showShortcuts, "F1"), "menuShortcuts"),
                menuItem(Command.always("menu.about", this::showAbout, null), "menuAbout"));
        MenuBar bar = new MenuBar(file, edit, view, host, vm, help);
        bar.setUseSystemMenuBar(true);
        menuBar = bar;
        return bar;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        Button add = new Button(messages.get("toolbar.addConnection"));
        add.setId("toolbarAddConnection");
        add.setOnAction(e -> addConnection());
        Button newVmButton = new Button(messages.get("toolbar.newVm"));
        newVmButton.setId("toolbarNewVm");
        newVmButton.setOnAction(e -> newVm());
        newVmButton.disableProperty().bind(newVm.disabled());
        bar.getItems().addAll(newVmButton, add);
        for (VmAction action : VmAction.values()) {
            if (!action.inToolbar()) {
                continue;
            }
            Button button = new Button(messages.get(action.messageKey()));
            button.setId("toolbar-" + action.name());
            button.disableProperty().bind(disabled.get(action));
            button.setOnAction(e -> viewModel.run(action));
            bar.getItems().add(button);
        }
        Button migrateButton = new Button(messages.get("toolbar.migrate"));
        migrateButton.setId("toolbarMigrate");
        migrateButton.disableProperty().bind(migrate.disabled());
        migrateButton.setOnAction(e -> migrate.action().run());
        bar.getItems().add(migrateButton);
        return bar;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(viewModel.statusProperty());
        Label demo = new Label(messages.get("status.demoBadge"));
        demo.setId("demoBadge");
        demo.getStyleClass().add("demo-badge");
        demo.visibleProperty().bind(viewModel.demoModeProperty());
        demo.managedProperty().bind(viewModel.demoModeProperty());
        bar.getRightItems().addAll(jobsView.statusButton(), demo);
        return bar;
    }

    private void addConnection() {
        AddConnectionDialog dialog = new AddConnectionDialog(new AddConnectionViewModel(messages), messages);
        if (root != null && root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(viewModel::addConnection);
    }

    /** The saved preferences: Edit → Preferences, "don't ask again", new-VM defaults (call before build). */
    public void usePreferences(LivePreferences value) {
        preferences = value;
    }

    /** Edit → Preferences: applies and saves on OK; a failed save is reported, the values stay in use. */
    void editPreferences() {
        PreferencesDialog dialog = new PreferencesDialog(new PreferencesViewModel(preferences.get(), messages), messages);
        dialog.initOwner(window());
        dialog.showAndWait().ifPresent(edited -> ui.whenDone(preferences.update(edited), done -> { },
                failure -> dialogs.showError(messages.get("prefs.saveFailed"),
                        org.vireo.app.task.Failures.message(failure, messages), failure)));
    }

    /** Opens the new-VM wizard on the connected hosts (the selected one first, when connected). */
    void newVm() {
        NewVmWizardViewModel model = new NewVmWizardViewModel(
                new FleetHosts(viewModel.fleet(), messages, viewModel.maintenance()::contains),
                OsCatalogue.bundled(), ui::runOnUi, created -> onVmCreated.accept(created), messages);
        HostSnapshot selected = viewModel.selectedHostProperty().get();
        if (selected != null) {
            model.hostChoices().stream().filter(h -> h.id().equals(selected.connectionId())).findFirst()
                    .ifPresent(model.hostChoiceProperty()::set);
        }
        if (preferences != null) {
            Preferences.NewVm preferred = preferences.get().newVm();
            model.preferChoices(preferred.pool(), preferred.network(), preferred.diskFormat());
        }
        NewVmWizard wizard = new NewVmWizard(model, messages);
        jobs.newVm(model, wizard::isShowing);
        if (root != null && root.getScene() != null) {
            wizard.initOwner(root.getScene().getWindow());
        }
        wizard.show();
    }

    /** "Customize before install": the new VM's Hardware tab, and a window to begin or cancel its installation. */
    private void customizeBeforeInstall(NewVmJob.Created created) {
        viewModel.host(created.hostId()).ifPresent(host -> {
            whenSelected(created, vm -> true, () -> details.select("details.tab.hardware"));
            new org.vireo.app.newvm.CustomizeInstallWindow(created, host, messages, ui, window(), begun -> {
                if (begun.pending().openConsole()) {
                    // Selected again: the user may have moved on (or the tree lost the row) while customizing.
                    viewModel.selectVmWhenListed(begun.hostId(), begun.uuid());
                    whenSelected(begun, vm -> vm.state().isActive(), () -> details.select("details.tab.console"));
                }
            }).show();
        });
    }

    /**
     * Runs {@code action} once the VM is the selection and in the state {@code ready} wants (the tree lists a new
     * VM, or its new state, with the next snapshot).
     */
    private void whenSelected(NewVmJob.Created vm, java.util.function.Predicate<org.vireo.connections.model.VmInfo> ready,
                              Runnable action) {
        java.util.function.Predicate<org.vireo.connections.model.VmInfo> isIt = v -> v != null
                && v.uuid().equals(vm.uuid()) && ready.test(v);
        if (isIt.test(viewModel.selectedVmProperty().get())) {
            action.run();
            return;
        }
        viewModel.selectedVmProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends org.vireo.connections.model.VmInfo> o,
                                org.vireo.connections.model.VmInfo was, org.vireo.connections.model.VmInfo now) {
                if (isIt.test(now)) {
                    o.removeListener(this);
                    action.run();
                }
            }
        });
    }

    private void chooseNodeList() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("importNodes.choose"));
        java.io.File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            importNodeList(file.toPath());
        }
    }

    /** A file dropped on the window opens the import dialog on it. */
    private void acceptDroppedNodeLists(BorderPane pane) {
        pane.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        pane.setOnDragDropped(event -> {
            boolean ok = event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1;
            if (ok) {
                java.nio.file.Path path = event.getDragboard().getFiles().get(0).toPath();
                // Opened after the drop completes, so the drag source is not kept waiting on a modal dialog.
                javafx.application.Platform.runLater(() -> importNodeList(path));
            }
            event.setDropCompleted(ok);
            event.consume();
        });
    }

    /** Opens the import preview on {@code file}; the file is read off the FX thread by the ViewModel. */
    public void importNodeList(java.nio.file.Path file) {
        ImportNodesViewModel model = new ImportNodesViewModel(background, ui::runOnUi, messages, viewModel::savedUris);
        ImportNodesDialog dialog = new ImportNodesDialog(model, messages);
        dialog.initOwner(root.getScene().getWindow());
        model.loadFile(file);
        dialog.showAndWait().ifPresent(viewModel::addConnections);
    }

    private void removeConnection() {
        var host = viewModel.selectedHostProperty().get();
        if (host != null && dialogs.confirm(messages.get("dialog.removeConnection.title"),
                messages.get("dialog.removeConnection.message", MainViewModel.sortName(host)))) {
            viewModel.removeSelectedConnection();
        }
    }

    /** A context-menu entry: no accelerator, so a shortcut never fires twice (the menu bar's entry has it). */
    private MenuItem item(Command command, String id) {
        MenuItem item = item(command.labelKey(), id, command.action());
        item.disableProperty().bind(command.disabled());
        return item;
    }

    /** A menu-bar entry with the command's shortcut; listed in the keyboard-shortcuts window. */
    private MenuItem menuItem(Command command, String id) {
        MenuItem item = item(command, id);
        item.setAccelerator(command.accelerator());
        menuCommands.put(item, command);
        return item;
    }

    /** Every shortcut of the menu bar, in the order the menus show them: label and keys. */
    public List<org.vireo.app.help.ShortcutsWindow.Shortcut> shortcuts() {
        return menuBar.getMenus().stream().flatMap(m -> m.getItems().stream()).map(menuCommands::get)
                .filter(c -> c != null && c.accelerator() != null)
                .map(c -> new org.vireo.app.help.ShortcutsWindow.Shortcut(messages.get(c.labelKey()).replace("\u2026", ""),
                        c.accelerator().getDisplayText())).toList();
    }

    private void showShortcuts() {
        new org.vireo.app.help.ShortcutsWindow(messages).show(window(), shortcuts());
    }

    private void showAbout() {
        new org.vireo.app.about.AboutDialog(messages, background, ui).show(window(), viewModel.hosts());
    }

    /** The session's long jobs (migrations, new VMs, bulk actions, connect batches) and their window. */
    public org.vireo.app.jobs.JobsView jobs() {
        return jobsView;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
