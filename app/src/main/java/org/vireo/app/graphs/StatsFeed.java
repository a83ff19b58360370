package org.vireo.app.graphs;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.stats.StatsHistory;
import org.vireo.connections.stats.StatsPoller;

/**
 * The UI's end of the stats: each poller tick becomes ONE hand-over to the FX thread (a tick arriving while
 * the previous one is still queued is merged into it), which refreshes every registered viewer and then
 * tells the poller what to read next: every VM while the fleet is small, only the VMs on screen or graphed
 * once it has more than {@code filterAbove} VMs.
 */
public final class StatsFeed {
    public static final int DEFAULT_FILTER_ABOVE = 300;

    private final StatsPoller poller;
    private final TaskExecutor ui;
    private final Supplier<List<HostSnapshot>> hosts;
    private final int filterAbove;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ReadOnlyLongWrapper ticks = new ReadOnlyLongWrapper(this, "ticks");
    /** Cells come and go with the tree's virtual flow: held weakly, so a dropped cell is no viewer. */
    private final Set<StatsViewer> viewers = Collections.newSetFromMap(new WeakHashMap<>());
    private final Set<StatsViewer> pinned = new HashSet<>();
    private Set<String> lastInterest;

    /**
     * @param hosts       the hosts as the window shows them (for the fleet's size)
     * @param filterAbove fleet size (VMs) above which only what is visible or graphed is read
     */
    public StatsFeed(StatsPoller poller, TaskExecutor ui, Supplier<List<HostSnapshot>> hosts, int filterAbove) {
        this.poller = poller;
        this.ui = ui;
        this.hosts = hosts;
        this.filterAbove = filterAbove;
        poller.addTickListener(tick -> {
            if (queued.compareAndSet(false, true)) {
                ui.runOnUi(this::onTick);
            }
        });
    }

    public StatsHistory history() {
        return poller.history();
    }

    public java.time.Duration interval() {
        return poller.interval();
    }

    /** Ticks seen by the UI (FX thread). */
    public ReadOnlyLongProperty ticksProperty() {
        return ticks.getReadOnlyProperty();
    }

    /** Registers a viewer held only weakly (tree cells). */
    void addWeakViewer(StatsViewer viewer) {
        viewers.add(viewer);
    }

    /** Registers a viewer for the window's lifetime (details sections). */
    void addViewer(StatsViewer viewer) {
        pinned.add(viewer);
        viewers.add(viewer);
    }

    /** Runs a tick's UI work now (the poller's listener queues exactly this). */
    void onTick() {
        queued.set(false);
        ticks.set(ticks.get() + 1);
        for (StatsViewer viewer : List.copyOf(viewers)) {
            viewer.refresh();
        }
        updateInterest();
    }

    /** Re-evaluates what to read, e.g. after the selection changed (FX thread). */
    void updateInterest() {
        Set<String> wanted = null;
        if (fleetSize() > filterAbove) {
            wanted = new HashSet<>();
            for (StatsViewer viewer : List.copyOf(viewers)) {
                viewer.addInterest(wanted);
            }
        }
        if (!java.util.Objects.equals(wanted, lastInterest)) {
            lastInterest = wanted;
            poller.setInterest(wanted);
        }
    }

    private int fleetSize() {
        int vms = 0;
        for (HostSnapshot host : hosts.get()) {
            vms += host.vms().size();
        }
        return vms;
    }

    /** For tests: how many viewers are registered right now. */
    int viewerCount() {
        return viewers.size();
    }
}
