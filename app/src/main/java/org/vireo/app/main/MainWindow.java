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
import org.vireo.app.task.TaskExecutor;
import org.vireo.wizards.importnodes.ImportNodesDialog;
import org.vireo.wizards.importnodes.ImportNodesViewModel;
import org.vireo.app.actions.VmAction;
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
    private final StatsFeed stats;
    private Parent root;

    /** One command as menus, toolbar and context menus show it: label, action, and when it does not apply. */
    private record Command(String labelKey, Runnable action, ObservableBooleanValue disabled) {
    }

    /**
     * @param background where files are read (never the FX thread)
     * @param ui         hands results back to the FX thread
     */
    public MainWindow(MainViewModel viewModel, DialogService dialogs, java.util.concurrent.Executor background,
                      TaskExecutor ui, Runnable quit, StatsFeed stats) {
        this.stats = stats;
        this.viewModel = viewModel;
        this.background = background;
        this.ui = ui;
        this.dialogs = dialogs;
        this.messages = viewModel.messages();
        this.quit = quit;
        for (VmAction action : VmAction.values()) {
            disabled.put(action, Bindings.createBooleanBinding(() -> !viewModel.canRun(action),
                    viewModel.selectedVmProperty(), viewModel.selectedHostProperty()));
        }
        connect = new Command("menu.connect", viewModel::connectSelected, hostNotIn(ConnectionState.CONNECTED,
                ConnectionState.CONNECTING));
        disconnect = new Command("menu.disconnect", viewModel::disconnectSelected, hostNotIn(ConnectionState.DISCONNECTED));
        remove = new Command("menu.removeConnection", this::removeConnection, Bindings.createBooleanBinding(
                () -> viewModel.selectedHostProperty().get() == null || viewModel.selectedVmProperty().get() != null,
                viewModel.selectedHostProperty(), viewModel.selectedVmProperty()));
    }

    /** Disabled without a selected host, or when the selected host is in one of {@code states}. */
    private ObservableBooleanValue hostNotIn(ConnectionState... states) {
        return Bindings.createBooleanBinding(() -> {
            HostSnapshot host = viewModel.selectedHostProperty().get();
            return host == null || java.util.Arrays.asList(states).contains(host.state());
        }, viewModel.selectedHostProperty());
    }

    public Parent build() {
        HostTreeView tree = new HostTreeView(viewModel);
        TreeStatsColumns.install(tree, stats, messages);
        tree.setHostContextMenu(new ContextMenu(item(connect, "contextConnect"), item(disconnect, "contextDisconnect"),
                new SeparatorMenuItem(), item(remove, "contextRemove")));
        DetailsPane details = new DetailsPane(viewModel, detailsSections());
        SplitPane split = new SplitPane(tree, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);

        BorderPane pane = new BorderPane(split);
        pane.setId("mainWindow");
        pane.setTop(new VBox(menuBar(), toolBar()));
        pane.setBottom(statusBar());
        acceptDroppedNodeLists(pane);
        root = pane;
        return pane;
    }

    /** The tabs beside Overview, one per feature (graphs, console, …). */
    private List<DetailsSection> detailsSections() {
        return List.of(new GraphsSection(stats, messages), new BusiestSection(stats, viewModel::hosts, messages));
    }

    private MenuBar menuBar() {
        Menu file = new Menu(messages.get("menu.file"));
        MenuItem add = item("menu.addConnection", "menuAddConnection", this::addConnection);
        add.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+N"));
        MenuItem removeItem = item(remove, "menuRemoveConnection");
        MenuItem exit = item("menu.quit", "menuQuit", quit);
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        MenuItem importNodes = item("menu.importNodes", "menuImportNodes", this::chooseNodeList);
        importNodes.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        file.getItems().addAll(add, importNodes, removeItem, new SeparatorMenuItem(), exit);

        Menu host = new Menu(messages.get("menu.host"));
        host.getItems().addAll(item(connect, "menuConnect"), item(disconnect, "menuDisconnect"));

        Menu vm = new Menu(messages.get("menu.vm"));
        for (VmAction action : VmAction.values()) {
            MenuItem item = item(action.messageKey(), "menu-" + action.name(), () -> viewModel.run(action));
            item.disableProperty().bind(disabled.get(action));
            vm.getItems().add(item);
        }
        MenuBar bar = new MenuBar(file, host, vm);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        Button add = new Button(messages.get("toolbar.addConnection"));
        add.setId("toolbarAddConnection");
        add.setOnAction(e -> addConnection());
        bar.getItems().add(add);
        for (VmAction action : VmAction.values()) {
            Button button = new Button(messages.get(action.messageKey()));
            button.setId("toolbar-" + action.name());
            button.disableProperty().bind(disabled.get(action));
            button.setOnAction(e -> viewModel.run(action));
            bar.getItems().add(button);
        }
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
        bar.getRightItems().add(demo);
        return bar;
    }

    private void addConnection() {
        AddConnectionDialog dialog = new AddConnectionDialog(new AddConnectionViewModel(messages), messages);
        if (root != null && root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(viewModel::addConnection);
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
    void importNodeList(java.nio.file.Path file) {
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

    private MenuItem item(Command command, String id) {
        MenuItem item = item(command.labelKey(), id, command.action());
        item.disableProperty().bind(command.disabled());
        return item;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
