package org.vireo.wizards.newvm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vireo.resources.Messages;

/**
 * "Least loaded": the host with the most free memory, weighted by idle CPU; and why, in words.
 *
 * @param best     the chosen host's load
 * @param compared how many hosts answered
 */
public record Placement(String hostId, HostLoad best, int compared) {
    public static Optional<Placement> leastLoaded(List<HostLoad> loads) {
        return loads.stream().max(Comparator.comparingDouble(HostLoad::score))
                .map(b -> new Placement(b.hostId(), b, loads.size()));
    }

    /** Why this host, in the user's language: its free memory, its CPU load, among how many. */
    public String reason(Messages messages) {
        return messages.get("newVm.placement.reason", best.hostName(), gib(best.freeMemoryKiB()),
                Long.toString(Math.round(best.cpuLoad() * 100)), compared);
    }

    /** The reason in English (the CLI, logs). */
    public String reason() {
        return reason(new Messages(Locale.ROOT));
    }

    static String gib(long kib) {
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }
}
