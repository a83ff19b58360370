package org.vireo.connections.console;

import java.util.List;
import java.util.Optional;

/**
 * What a running VM offers as console, from its live XML.
 *
 * @param graphics every graphics device, in document order
 */
public record ConsoleLookup(List<Graphics> graphics) {
    /** Why there is nothing to connect to, or {@link #OK}. */
    public enum Status { OK, NO_GRAPHICS, SPICE_ONLY, OTHER_ONLY, NOT_LISTENING }

    public ConsoleLookup {
        graphics = List.copyOf(graphics);
    }

    public Optional<Graphics> vnc() {
        return DomainGraphics.firstVnc(graphics);
    }

    public Status status() {
        Optional<Graphics> vnc = vnc();
        if (vnc.isPresent()) {
            return vnc.get().reachable() ? Status.OK : Status.NOT_LISTENING;
        }
        if (graphics.isEmpty()) {
            return Status.NO_GRAPHICS;
        }
        return graphics.stream().anyMatch(g -> g.type().equals("spice")) ? Status.SPICE_ONLY : Status.OTHER_ONLY;
    }
}
