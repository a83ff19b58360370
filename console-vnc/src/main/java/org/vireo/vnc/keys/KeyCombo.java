package org.vireo.vnc.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * A chord of keys pressed in order and released in reverse, named by Linux key names: the send-key
 * menu's entries (keys the local system would otherwise intercept).
 */
public record KeyCombo(String label, List<String> keys) {
    public KeyCombo {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key combination needs at least one key");
        }
    }

    public static final KeyCombo CTRL_ALT_DEL = new KeyCombo("Ctrl+Alt+Del", List.of("KEY_LEFTCTRL", "KEY_LEFTALT", "KEY_DELETE"));
    public static final KeyCombo CTRL_ALT_BACKSPACE = new KeyCombo("Ctrl+Alt+Backspace",
            List.of("KEY_LEFTCTRL", "KEY_LEFTALT", "KEY_BACKSPACE"));
    public static final KeyCombo PRINT_SCREEN = new KeyCombo("PrintScreen", List.of("KEY_SYSRQ"));
    public static final KeyCombo SYSRQ = new KeyCombo("SysRq", List.of("KEY_LEFTALT", "KEY_SYSRQ"));

    /** Ctrl+Alt+F{n}, n in 1..12 (switch virtual terminal). */
    public static KeyCombo ctrlAltF(int n) {
        if (n < 1 || n > 12) {
            throw new IllegalArgumentException("function key F" + n + " is not in F1..F12");
        }
        return new KeyCombo("Ctrl+Alt+F" + n, List.of("KEY_LEFTCTRL", "KEY_LEFTALT", "KEY_F" + n));
    }

    /** The send-key menu, in display order. */
    public static List<KeyCombo> menu() {
        List<KeyCombo> all = new ArrayList<>(List.of(CTRL_ALT_DEL, CTRL_ALT_BACKSPACE));
        for (int n = 1; n <= 12; n++) {
            all.add(ctrlAltF(n));
        }
        all.add(PRINT_SCREEN);
        all.add(SYSRQ);
        return all;
    }
}
