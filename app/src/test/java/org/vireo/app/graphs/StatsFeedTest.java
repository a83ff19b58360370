package org.vireo.app.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vireo.app.task.DirectTaskExecutor;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.stats.StatsHistory;
import org.vireo.connections.stats.StatsPoller;

/** The UI side of the stats ticks, without a stage: one hand-over per tick, and what gets read. */
class StatsFeedTest {
    private final StatsPoller poller = new StatsPoller(List::of, new StatsHistory(10), Duration.ofSeconds(3));
    private final List<HostSnapshot> hosts = new ArrayList<>();

    @AfterEach
    void close() {
        poller.close();
    }

    @Test
    void smallFleetReadsEveryVm() {
        hosts.add(host("h1", 5));
        StatsFeed feed = new StatsFeed(poller, new DirectTaskExecutor(), () -> hosts, 10);
        CountingViewer viewer = new CountingViewer(Set.of("h1-vm0"));
        feed.addViewer(viewer);

        poller.sampleNow();

        assertEquals(1, viewer.refreshes);
        assertEquals(1, feed.ticksProperty().get());
        assertNull(poller.interest(), "5 VMs: no filter");
    }

    @Test
    void largeFleetReadsOnlyWhatViewersShow() {
        hosts.add(host("h1", 8));
        hosts.add(host("h2", 8));
        StatsFeed feed = new StatsFeed(poller, new DirectTaskExecutor(), () -> hosts, 10);
        feed.addViewer(new CountingViewer(Set.of("h1-vm3")));
        feed.addViewer(new CountingViewer(Set.of("h2-vm0", "h2-vm1")));

        poller.sampleNow();

        assertEquals(Set.of("h1-vm3", "h2-vm0", "h2-vm1"), poller.interest());

        hosts.remove(1);
        poller.sampleNow();
        assertNull(poller.interest(), "back under the threshold: every VM again");
    }

    @Test
    void ticksArrivingWhileTheUiIsBusyBecomeOneHandOver() {
        List<Runnable> queued = new ArrayList<>();
        TaskExecutor later = queued::add;
        StatsFeed feed = new StatsFeed(poller, later, () -> hosts, 10);
        CountingViewer viewer = new CountingViewer(Set.of());
        feed.addViewer(viewer);

        poller.sampleNow();
        poller.sampleNow();
        poller.sampleNow();
        assertEquals(1, queued.size(), "one runLater however many ticks came meanwhile");
        queued.remove(0).run();
        assertEquals(1, viewer.refreshes);

        poller.sampleNow();
        assertEquals(1, queued.size(), "the next tick queues again");
    }

    private static HostSnapshot host(String name, int vms) {
        List<VmInfo> list = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            list.add(new VmInfo(name + "-vm" + i, name + "-vm" + i, VmState.RUNNING, 1, 1024, 1024, 0, true, false));
        }
        return new HostSnapshot(name, "test:///" + name, name, ConnectionState.CONNECTED, null, null, list);
    }

    private static final class CountingViewer implements StatsViewer {
        private final Set<String> shows;
        int refreshes;

        CountingViewer(Set<String> shows) {
            this.shows = shows;
        }

        @Override
        public void refresh() {
            refreshes++;
        }

        @Override
        public void addInterest(Set<String> uuids) {
            uuids.addAll(shows);
        }
    }
}
