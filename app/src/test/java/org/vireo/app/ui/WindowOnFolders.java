package org.vireo.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.resources.Messages;

/** Opens the main window with its config, state and cache folders under one test folder, in English. */
final class WindowOnFolders {
    private WindowOnFolders() {
    }

    /** @return the window's context, for the test to close */
    static AppContext show(Stage stage, Path folder, List<String> connectUris) {
        AppContext context = new AppContext(new AppPaths(folder.resolve("config"), folder.resolve("state"),
                folder.resolve("cache")));
        MainStage.show(stage, context, connectUris, new Messages(Locale.ROOT));
        return context;
    }
}
