package org.vireo.vnc.fx;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javafx.scene.input.KeyCode;

/**
 * JavaFX key codes to Linux evdev key names, the core's key identity. JavaFX does not tell left from
 * right modifiers, so both map to the left one.
 */
public final class FxKeyNames {
    private static final Map<KeyCode, String> NAMES = new EnumMap<>(KeyCode.class);

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            NAMES.put(KeyCode.valueOf(String.valueOf(c)), "KEY_" + c);
        }
        for (int d = 0; d <= 9; d++) {
            NAMES.put(KeyCode.valueOf("DIGIT" + d), "KEY_" + d);
            NAMES.put(KeyCode.valueOf("NUMPAD" + d), "KEY_KP" + d);
        }
        for (int f = 1; f <= 24; f++) {
            NAMES.put(KeyCode.valueOf("F" + f), "KEY_F" + f);
        }
        Object[][] others = {
            {KeyCode.ENTER, "KEY_ENTER"}, {KeyCode.ESCAPE, "KEY_ESC"}, {KeyCode.BACK_SPACE, "KEY_BACKSPACE"},
            {KeyCode.TAB, "KEY_TAB"}, {KeyCode.SPACE, "KEY_SPACE"}, {KeyCode.MINUS, "KEY_MINUS"},
            {KeyCode.EQUALS, "KEY_EQUAL"}, {KeyCode.OPEN_BRACKET, "KEY_LEFTBRACE"}, {KeyCode.CLOSE_BRACKET, "KEY_RIGHTBRACE"},
            {KeyCode.BACK_SLASH, "KEY_BACKSLASH"}, {KeyCode.SEMICOLON, "KEY_SEMICOLON"}, {KeyCode.QUOTE, "KEY_APOSTROPHE"},
            {KeyCode.BACK_QUOTE, "KEY_GRAVE"}, {KeyCode.COMMA, "KEY_COMMA"}, {KeyCode.PERIOD, "KEY_DOT"},
            {KeyCode.SLASH, "KEY_SLASH"}, {KeyCode.LESS, "KEY_102ND"}, {KeyCode.CAPS, "KEY_CAPSLOCK"},
            {KeyCode.SHIFT, "KEY_LEFTSHIFT"}, {KeyCode.CONTROL, "KEY_LEFTCTRL"}, {KeyCode.ALT, "KEY_LEFTALT"},
            {KeyCode.ALT_GRAPH, "KEY_RIGHTALT"}, {KeyCode.WINDOWS, "KEY_LEFTMETA"}, {KeyCode.META, "KEY_LEFTMETA"},
            {KeyCode.COMMAND, "KEY_LEFTMETA"}, {KeyCode.CONTEXT_MENU, "KEY_COMPOSE"}, {KeyCode.PRINTSCREEN, "KEY_SYSRQ"},
            {KeyCode.SCROLL_LOCK, "KEY_SCROLLLOCK"}, {KeyCode.PAUSE, "KEY_PAUSE"}, {KeyCode.INSERT, "KEY_INSERT"},
            {KeyCode.DELETE, "KEY_DELETE"}, {KeyCode.HOME, "KEY_HOME"}, {KeyCode.END, "KEY_END"},
            {KeyCode.PAGE_UP, "KEY_PAGEUP"}, {KeyCode.PAGE_DOWN, "KEY_PAGEDOWN"}, {KeyCode.UP, "KEY_UP"},
            {KeyCode.DOWN, "KEY_DOWN"}, {KeyCode.LEFT, "KEY_LEFT"}, {KeyCode.RIGHT, "KEY_RIGHT"},
            {KeyCode.NUM_LOCK, "KEY_NUMLOCK"}, {KeyCode.MULTIPLY, "KEY_KPASTERISK"}, {KeyCode.ADD, "KEY_KPPLUS"},
            {KeyCode.SUBTRACT, "KEY_KPMINUS"}, {KeyCode.DECIMAL, "KEY_KPDOT"}, {KeyCode.DIVIDE, "KEY_KPSLASH"},
        };
        for (Object[] pair : others) {
            NAMES.put((KeyCode) pair[0], (String) pair[1]);
        }
    }

    private FxKeyNames() {
    }

    public static Optional<String> linuxName(KeyCode code) {
        return Optional.ofNullable(NAMES.get(code));
    }
}
