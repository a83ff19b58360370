package org.vireo.wizards.newvm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/** "Least loaded": the host with the most free memory, weighted by idle CPU; and why, in words. */
public record Placement(String hostId, String reason) {
    /** @param messages the language of the reason */
    public static Optional<Placement> leastLoaded(List<HostLoad> loads, Messages messages) {
        Optional<HostLoad> best = loads.stream().max(Comparator.comparingDouble(HostLoad::score));
        return best.map(b -> new Placement(b.hostId(), messages.get("newVm.placement.reason", b.hostName(),
                new Units(messages).gib(b.freeMemoryKiB()), Long.toString(Math.round(b.cpuLoad() * 100)), loads.size())));
    }

    public static Optional<Placement> leastLoaded(List<HostLoad> loads) {
        return leastLoaded(loads, new Messages(Locale.ROOT));
    }
}
