package org.vireo.app.graphs;

import java.util.Set;

/** Something on screen that shows stats: redrawn once per tick, and telling which VMs it needs read. */
interface StatsViewer {
    /** Called on the FX thread once per stats tick. */
    void refresh();

    /** Adds the UUIDs of the VMs this viewer shows now (none when hidden). */
    void addInterest(Set<String> uuids);
}
