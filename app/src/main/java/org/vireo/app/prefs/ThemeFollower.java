package org.vireo.app.prefs;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.vireo.resources.Theme;

/**
 * Keeps every window of the app (main window, dialogs, consoles) in the chosen theme, now and when the
 * preference changes. FX thread only; {@link #close()} stops following (a window closing its app).
 */
public final class ThemeFollower implements AutoCloseable {
    private final LivePreferences preferences;
    private final ChangeListener<Preferences> onChange = (o, was, now) -> applyToAll();
    private final ChangeListener<Scene> onScene = (o, was, now) -> apply(now);
    private final ListChangeListener<Window> onWindows = change -> {
        while (change.next()) {
            for (Window window : change.getAddedSubList()) {
                window.sceneProperty().addListener(onScene);
                apply(window.getScene());
            }
            for (Window window : change.getRemoved()) {
                window.sceneProperty().removeListener(onScene);
            }
        }
    };

    private ThemeFollower(LivePreferences preferences) {
        this.preferences = preferences;
    }

    public static ThemeFollower follow(LivePreferences preferences) {
        ThemeFollower follower = new ThemeFollower(preferences);
        preferences.property().addListener(follower.onChange);
        Window.getWindows().addListener(follower.onWindows);
        for (Window window : Window.getWindows()) {
            window.sceneProperty().addListener(follower.onScene);
        }
        follower.applyToAll();
        return follower;
    }

    private void applyToAll() {
        for (Window window : Window.getWindows()) {
            apply(window.getScene());
        }
    }

    private void apply(Scene scene) {
        if (scene == null) {
            return;
        }
        if (!scene.getStylesheets().contains(Theme.baseStylesheet())) {
            scene.getStylesheets().add(0, Theme.baseStylesheet()); // dialogs too, so the dark theme has its base
        }
        String dark = Theme.darkStylesheet();
        boolean wanted = preferences.get().theme() == Preferences.Theme.DARK;
        if (wanted && !scene.getStylesheets().contains(dark)) {
            scene.getStylesheets().add(dark);
        } else if (!wanted) {
            scene.getStylesheets().remove(dark);
        }
    }

    @Override
    public void close() {
        preferences.property().removeListener(onChange);
        Window.getWindows().removeListener(onWindows);
        for (Window window : Window.getWindows()) {
            window.sceneProperty().removeListener(onScene);
        }
    }
}
