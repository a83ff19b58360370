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
import org.vireo.app.main.StartupReads;
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
        return showWindow(stage, context, connectUris, messages,
                StartupReads.begin(context.store()::load, connectUris, context.io()));
    }

    /** Same, from the saved connections (and demo host file) the app began reading before its toolkit was up. */
    public static Shown showWindow(Stage stage, AppContext context, List<String> connectUris, Messages messages,
                                   StartupReads reads) {
        // JavaFX's GTK main loop now dispatches libvirt's events (see LibvirtEventLoop).
        LibvirtEventLoop.dispatchFromToolkitMainLoop();
        FxDialogService dialogs = new FxDialogService(stage, messages);
        FxTaskExecutor ui = new FxTaskExecutor();
        MainViewModel viewModel = new MainViewModel(context.fleet(), context.store(), context.io(), dialogs, ui, messages,
                context.hostKeyBatches());
        StatsFeed stats = new StatsFeed(context.stats(), ui, viewModel::hosts, StatsFeed.DEFAULT_FILTER_ABOVE);
        MainWindow window = new MainWindow(viewModel, dialogs, context.io(), ui, stage::close, context.consoles(), stats);
        window.usePreferences(context.preferences());
        Scene scene = new Scene(window.build(), 1200, 720);
        scene.getStylesheets().add(Theme.baseStylesheet());
        ReadyProbe.mark("window-built");
        stage.setScene(scene);
        stage.sizeToScene();
        stage.titleProperty().bind(javafx.beans.binding.Bindings.when(viewModel.demoModeProperty())
                .then(messages.get("window.titleDemo")).otherwise(messages.get("window.title")));
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(dialogs, messages));
        ThemeFollower theme = ThemeFollower.follow(context.preferences());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> theme.close());
        stage.show();
        ReadyProbe.mark("shown");
        window.focusInventory();
        context.preferences().loadProblem().ifPresent(problem ->
                dialogs.showError(messages.get("prefs.loadFailed"), problem, null));
        if (ReadyProbe.enabled()) {
            ReadyProbe.install(scene, viewModel);
        }
        if (Boolean.getBoolean("vireo.fxProbe")) {
            FxPulseProbe.start(System.out);
        }
        viewModel.start(connectUris, reads);
        context.stats().start();
        return new Shown(viewModel, window);
    }
}
