package org.vireo.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.resources.Messages;

/** The JavaFX application: the main window, on the saved connections or the demo host. */
public final class VireoApp extends Application {
    private AppContext context;
    private FxHostKeyPrompt hostKeys;
    private FxAuthPrompt auth;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.fromEnvironment();
        AppLogging.init(paths.state());
        Messages messages = Messages.forDefaultLocale();
        // Host-key and login questions from connecting threads become dialogs owned by the main window.
        FxTaskExecutor ui = new FxTaskExecutor();
        hostKeys = new FxHostKeyPrompt(ui, messages, () -> stage);
        auth = new FxAuthPrompt(ui, messages, () -> stage);
        context = new AppContext(paths, SshSettings.fromSystem(), hostKeys, auth);
        List<String> connect = CommandLine.parse(getParameters().getRaw()).connectUris();
        MainStage.show(stage, context, connect, messages);
    }

    @Override
    public void stop() {
        // Waiting connecting threads get "no" before the hosts close.
        if (hostKeys != null) {
            hostKeys.close();
            auth.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
