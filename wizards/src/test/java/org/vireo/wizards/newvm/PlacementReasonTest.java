package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vireo.resources.Messages;

class PlacementReasonTest {
    private final HostLoad idle = new HostLoad("a", "node-a", 8L * 1024 * 1024, 8, 0.10);
    private final HostLoad busy = new HostLoad("b", "node-b", 2L * 1024 * 1024, 8, 0.90);

    @Test
    void saysWhyInEnglishAndFrench() {
        Placement p = Placement.leastLoaded(List.of(busy, idle)).orElseThrow();
        assertEquals("a", p.hostId());
        assertEquals("node-a: 8.0 GiB free, CPU 10% busy (best of 2 hosts by free memory and CPU load)", p.reason());
        assertEquals("node-a : 8,0\u00a0Gio libres, processeur occupé à 10 % (le meilleur de 2 hôtes selon la mémoire libre"
                        + " et la charge processeur)",
                Placement.leastLoaded(List.of(busy, idle), new Messages(Locale.FRENCH)).orElseThrow().reason());
    }

    @Test
    void oneHostIsSingular() {
        assertEquals("node-b: 2.0 GiB free, CPU 90% busy (best of 1 host by free memory and CPU load)",
                Placement.leastLoaded(List.of(busy)).orElseThrow().reason());
    }
}
