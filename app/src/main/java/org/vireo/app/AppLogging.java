package org.vireo.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends java.util.logging to {@code $XDG_STATE_HOME/vireo/vireo.log} (rotated, 3 × 2 MB). */
public final class AppLogging {
    private AppLogging() {
    }

    /**
     * @return the log file's handler (null when the log cannot be written), so a test that logs into its own
     *     state folder can remove and close it again
     */
    public static Handler init(Path stateDir) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        try {
            Files.createDirectories(stateDir);
            FileHandler file = new FileHandler(stateDir.resolve("vireo.%g.log").toString(), 2_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            Logger root = Logger.getLogger("");
            root.addHandler(file);
            root.setLevel(Level.INFO);
            return file;
        } catch (IOException e) {
            Logger.getLogger(AppLogging.class.getName()).warning("cannot write the log under " + stateDir + ": " + e.getMessage());
            return null;
        }
    }
}
