package org.vireo.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.resources.Messages;

/** The application's context, and its main window, with their config, state and cache folders under one test folder. */
public final class WindowOnFolders {
    private WindowOnFolders() {
    }

    /** A context whose config, state and cache folders are under {@code folder}; the test closes it. */
    public static AppContext context(Path folder) {
        return new AppContext(new AppPaths(folder.resolve("config"), folder.resolve("state"), folder.resolve("cache")));
    }

    /** Opens the main window in English on such a context; @return the context, for the test to close */
    static AppContext show(Stage stage, Path folder, List<String> connectUris) {
        AppContext context = context(folder);
        MainStage.show(stage, context, connectUris, new Messages(Locale.ROOT));
        return context;
    }
}
