package org.vireo.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.main.StartupReads;
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

    /** Began in {@link #launch}, before the toolkit; null when JavaFX was launched some other way. */
    private static volatile EarlyStart early;
    private volatile StartupReads reads;

    /** Begins the window's disk reads, then starts JavaFX (which takes as long again): the two overlap. */
    static void launch(String[] args, List<String> connectUris) {
        early = EarlyStart.begin(connectUris);
        Application.launch(VireoApp.class, args);
    }

    /** On the launcher thread: files are read here (or were, meanwhile), never on the FX thread. */
    @Override
    public void init() {
        EarlyStart started = early != null ? early
                : EarlyStart.begin(CommandLine.parse(getParameters().getRaw()).connectUris());
        EarlyStart.Basics basics = started.basics();
        messages = basics.messages();
        FxTaskExecutor ui = new FxTaskExecutor();
        // Host-key and login questions from connecting threads become dialogs owned by the main window.
        hostKeys = new FxHostKeyPrompt(ui, messages, () -> stage);
        auth = new FxAuthPrompt(ui, messages, () -> stage);
        context = new AppContext(basics.paths(), SshSettings.fromSystem(), hostKeys, auth, basics.preferences());
        started.saveOn(context.io());
        reads = started.reads();
        ReadyProbe.mark("init-done");
    }

    @Override
    public void start(Stage primary) {
        ReadyProbe.mark("fx-start");
        stage = primary;
        List<String> connect = CommandLine.parse(getParameters().getRaw()).connectUris();
        MainStage.showWindow(stage, context, connect, messages, reads);
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
