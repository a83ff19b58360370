package org.vireo.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vireo.resources.Messages;

/** The JavaFX application: the main window, on the saved connections or the demo host. */
public final class VireoApp extends Application {
    private AppContext context;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.fromEnvironment();
        AppLogging.init(paths.state());
        context = new AppContext(paths);
        List<String> connect = CommandLine.parse(getParameters().getRaw()).connectUris();
        MainStage.show(stage, context, connect, Messages.forDefaultLocale());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
