package org.vireo.app.graphs;

import java.util.function.DoubleFunction;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/** How graph values read, in the user's language: CPU in percent, memory in binary units, I/O in bytes per second. */
final class StatFormats {
    final DoubleFunction<String> percent;
    final DoubleFunction<String> kib;
    final DoubleFunction<String> bytesPerSecond;

    StatFormats(Messages messages) {
        Units units = new Units(messages);
        percent = units::percent;
        kib = v -> Double.isNaN(v) ? "\u2013" : v <= 0 ? "0" : units.kib((long) v);
        bytesPerSecond = units::bytesPerSecond;
    }
}
