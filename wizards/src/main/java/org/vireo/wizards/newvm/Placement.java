package org.vireo.wizards.newvm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Least loaded": the host with the most free memory, weighted by idle CPU; and why, in words. */
public record Placement(String hostId, String reason) {
    public static Optional<Placement> leastLoaded(List<HostLoad> loads) {
        Optional<HostLoad> best = loads.stream().max(Comparator.comparingDouble(HostLoad::score));
        return best.map(b -> new Placement(b.hostId(), String.format(Locale.ROOT,
                "%s: %s free, CPU %d%% busy (best of %d host%s by free memory and CPU load)", b.hostName(),
                gib(b.freeMemoryKiB()), Math.round(b.cpuLoad() * 100), loads.size(), loads.size() == 1 ? "" : "s")));
    }

    static String gib(long kib) {
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }
}
