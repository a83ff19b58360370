package org.vireo.app;

import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vireo.app.prefs.LivePreferences;
import org.vireo.app.prefs.PreferencesStore;
import org.vireo.app.prefs.SystemLocale;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.resources.Messages;

/** The JavaFX application: the main window, on the saved connections or the demo host. */
public final class VireoApp extends Application {
    private volatile AppContext context;
    private FxHostKeyPrompt hostKeys;
    private FxAuthPrompt auth;
    private volatile Stage stage;
    private volatile Messages messages;

    /** On the launcher thread: files are read here, never on the FX thread. */
    @Override
    public void init() {
        AppPaths paths = AppPaths.fromEnvironment();
        AppLogging.init(paths.state());
        // Saves happen only after start, once the context (and its io thread) exists.
        LivePreferences preferences = LivePreferences.load(new PreferencesStore(paths.config()),
                task -> context.io().execute(task));
        // The preferred language, else the environment's; JavaFX's own buttons follow the default locale too.
        preferences.get().language().locale().or(() -> SystemLocale.fromEnvironment(System.getenv()))
                .ifPresent(Locale::setDefault);
        messages = Messages.forDefaultLocale();
        FxTaskExecutor ui = new FxTaskExecutor();
        // Host-key and login questions from connecting threads become dialogs owned by the main window.
        hostKeys = new FxHostKeyPrompt(ui, messages, () -> stage);
        auth = new FxAuthPrompt(ui, messages, () -> stage);
        context = new AppContext(paths, SshSettings.fromSystem(), hostKeys, auth, preferences);
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
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
