package org.vireo.app.dialog;

import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.vireo.vnc.fx.VncView;

/**
 * Ctrl+W closes a secondary window (console, jobs, help, host table, preferences...), as in virt-manager, where it
 * closes the details and console windows; the main window has Quit instead. A console that holds the keyboard
 * grab passes Ctrl+W on to the guest.
 */
public final class CloseShortcut {
    public static final KeyCombination KEYS = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private CloseShortcut() {
    }

    /** {@code stage} closes on Ctrl+W (its hidden handlers run as for the title bar's close button). */
    public static void install(Stage stage) {
        stage.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (KEYS.match(e) && !guestHasTheKeyboard(stage)) {
                e.consume();
                stage.close();
            }
        });
    }

    /** {@code dialog} closes on Ctrl+W as by its title bar's close button: cancelled, nothing applied. */
    public static void install(Dialog<?> dialog) {
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (KEYS.match(e) && window != null) {
                e.consume();
                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
    }

    private static boolean guestHasTheKeyboard(Stage stage) {
        return stage.getScene() != null && stage.getScene().getFocusOwner() instanceof VncView view && view.isGrab();
    }
}
