package org.vireo.vnc.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Linux evdev key names (e.g. {@code KEY_LEFTCTRL}) to the two codes RFB needs: the QEMU "qnum" XT
 * scancode for the QEMU extended key event, and an X11 keysym for the plain KeyEvent. Built from
 * QEMU's keycodemapdb table (keymaps.csv, BSD-3, shipped with its LICENSE.BSD next to it).
 */
public final class KeyMap {
    private static final String RESOURCE = "keymaps/keymaps.csv";
    private static final int COL_LINUX_NAME = 0;
    private static final int COL_AT_SET1 = 4;
    private static final int COL_X11_KEYSYM = 13;

    private final Map<String, Integer> qnum;
    private final Map<String, Integer> keysym;

    private KeyMap(Map<String, Integer> qnum, Map<String, Integer> keysym) {
        this.qnum = Map.copyOf(qnum);
        this.keysym = Map.copyOf(keysym);
    }

    /** The table shipped in this module (immutable; parsed once). */
    public static KeyMap standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final KeyMap STANDARD = load();
    }

    static KeyMap load() {
        try (InputStream in = KeyMap.class.getResourceAsStream("/org/vireo/vnc/" + RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/vireo/vnc/" + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key map " + RESOURCE, e);
        }
    }

    static KeyMap parse(BufferedReader reader) throws IOException {
        Map<String, Integer> qnum = new HashMap<>();
        Map<String, Integer> keysym = new HashMap<>();
        reader.readLine(); // header
        String line;
        while ((line = reader.readLine()) != null) {
            String[] cols = line.split(",", -1);
            if (cols.length <= COL_X11_KEYSYM) {
                continue;
            }
            String name = cols[COL_LINUX_NAME];
            if (!cols[COL_AT_SET1].isEmpty()) {
                qnum.putIfAbsent(name, toQnum(Integer.decode(cols[COL_AT_SET1])));
            }
            if (!cols[COL_X11_KEYSYM].isEmpty()) {
                int sym = Integer.decode(cols[COL_X11_KEYSYM]);
                keysym.putIfAbsent(name, sym >= 'A' && sym <= 'Z' ? sym + ('a' - 'A') : sym);
            }
        }
        return new KeyMap(qnum, keysym);
    }

    /** XT set 1 scancode to QEMU's number: an 0xE0 prefix becomes the high bit of the byte. */
    static int toQnum(int set1) {
        return set1 > 0xFF ? 0x80 | (set1 & 0x7F) : set1;
    }

    /** The QEMU extended-key-event keycode of a Linux key name, if known. */
    public OptionalInt scancode(String linuxKeyName) {
        Integer code = qnum.get(linuxKeyName);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** The unshifted X11 keysym of a Linux key name, if known. */
    public OptionalInt keysym(String linuxKeyName) {
        Integer sym = keysym.get(linuxKeyName);
        return sym == null ? OptionalInt.empty() : OptionalInt.of(sym);
    }
}
