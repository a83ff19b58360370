package org.vireo.vnc.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class KeyMapTest {
    private final KeyMap map = KeyMap.standard();

    @Test
    void plainKeysHaveTheirSet1ScancodeAndUnshiftedKeysym() {
        assertEquals(OptionalInt.of(0x1E), map.scancode("KEY_A"));
        assertEquals(OptionalInt.of('a'), map.keysym("KEY_A"));
        assertEquals(OptionalInt.of('1'), map.keysym("KEY_1"));
        assertEquals(OptionalInt.of(0xFF1B), map.keysym("KEY_ESC"));
    }

    @Test
    void e0PrefixedKeysSetTheHighBit() {
        assertEquals(OptionalInt.of(0x9D), map.scancode("KEY_RIGHTCTRL"));
        assertEquals(OptionalInt.of(0xD3), map.scancode("KEY_DELETE"));
        assertEquals(OptionalInt.of(0x54), map.scancode("KEY_SYSRQ"));
    }

    @Test
    void unknownNameIsEmpty() {
        assertTrue(map.scancode("KEY_NOT_A_KEY").isEmpty());
    }

    @Test
    void sendKeyMenuKeysAreAllInTheMap() {
        List<KeyCombo> menu = KeyCombo.menu();
        assertEquals(16, menu.size());
        for (KeyCombo combo : menu) {
            for (String key : combo.keys()) {
                assertTrue(map.scancode(key).isPresent(), combo.label() + ": " + key);
            }
        }
    }
}
