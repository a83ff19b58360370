package org.vireo.app.main;

import javafx.scene.Node;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;

/**
 * One tab of the details area (Overview, Graphs, Console, …). A feature adds its tab by adding a
 * section to {@link DetailsPane}; the pane shows the sections that apply to the selection.
 */
public interface DetailsSection {

    /** Bundle key of the tab's title. */
    String titleKey();

    Node content();

    /** Whether the tab is offered for this selection ({@code vm} null when a host is selected). */
    boolean appliesTo(HostSnapshot host, VmInfo vm);

    /**
     * Called on the FX thread when the selection or its snapshot changes; must return quickly
     * (start background work through the ViewModels, never wait here).
     */
    void show(HostSnapshot host, VmInfo vm);
}
