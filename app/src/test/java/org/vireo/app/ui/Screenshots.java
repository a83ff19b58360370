package org.vireo.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Screen;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves the screen as PNG when {@code -Dvireo.screenshots=DIR} is given, so dialogs can be looked at. */
public final class Screenshots {
    private Screenshots() {
    }

    public static void save(FxRobot robot, String name) {
        String dir = System.getProperty("vireo.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path file = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(robot.capture(Screen.getPrimary().getBounds()).getImage(), null),
                    "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + name + " could not be written to " + dir, e);
        }
    }
}
