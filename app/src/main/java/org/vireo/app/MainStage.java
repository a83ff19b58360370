package org.vireo.app;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vireo.app.dialog.FxDialogService;
import org.vireo.app.graphs.StatsFeed;
import org.vireo.app.prefs.ThemeFollower;
import javafx.stage.WindowEvent;
import org.vireo.app.main.MainViewModel;
import org.vireo.app.main.MainWindow;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.connections.libvirt.LibvirtEventLoop;
import org.vireo.resources.Messages;
import org.vireo.resources.Theme;

/** Builds and shows the main window on a stage; shared by the app and the UI tests. */
public final class MainStage {
    private MainStage() {
    }

    /** The window's two halves, for tests that drive the window beyond its ViewModel. */
    public record Shown(MainViewModel viewModel, MainWindow window) {
    }

    public static MainViewModel show(Stage stage, AppContext context, List<String> connectUris, Messages messages) {
        return showWindow(stage, context, connectUris, messages).viewModel();
    }

    public static Shown showWindow(Stage stage, AppContext context, List<String> connectUris, Messages messages) {
        // JavaFX's GTK main loop now dispatches libvirt's events (see LibvirtEventLoop).
        LibvirtEventLoop.dispatchFromToolkitMainLoop();
        FxDialogService dialogs = new FxDialogService(stage, messages);
        FxTaskExecutor ui = new FxTaskExecutor();
        MainViewModel viewModel = new MainViewModel(context.fleet(), context.store(), context.io(), dialogs, ui, messages,
                context.hostKeyBatches());
        StatsFeed stats = new StatsFeed(context.stats(), ui, viewModel::hosts, StatsFeed.DEFAULT_FILTER_ABOVE);
        MainWindow window = new MainWindow(viewModel, dialogs, context.io(), ui, stage::close, context.consoles(), stats);
        window.usePreferences(context.preferences());
        Scene scene = new Scene(window.build(), 1100, 700);
        scene.getStylesheets().add(Theme.baseStylesheet());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.titleProperty().bind(javafx.beans.binding.Bindings.when(viewModel.demoModeProperty())
                .then(messages.get("window.titleDemo")).otherwise(messages.get("window.title")));
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(dialogs, messages));
        ThemeFollower theme = ThemeFollower.follow(context.preferences());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> theme.close());
        stage.show();
        window.focusInventory();
        context.preferences().loadProblem().ifPresent(problem ->
                dialogs.showError(messages.get("prefs.loadFailed"), problem, null));
        if (Boolean.getBoolean("vireo.readyProbe")) {
            ReadyProbe.install(viewModel);
        }
        if (Boolean.getBoolean("vireo.fxProbe")) {
            FxPulseProbe.start(System.out);
        }
        viewModel.start(connectUris);
        context.stats().start();
        return new Shown(viewModel, window);
    }
}
