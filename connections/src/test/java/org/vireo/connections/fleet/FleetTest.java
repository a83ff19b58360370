package org.vireo.connections.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.OpenedConnection;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.support.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration BATCH = Duration.ofMillis(150);

    @TempDir
    Path cache;

    private Fleet fleet;

    @AfterEach
    void close() throws Exception {
        if (fleet != null) {
            fleet.closeAsync().get(20, TimeUnit.SECONDS);
        }
    }

    private static ConnectionEntry entry(String id, String uri, boolean autoconnect) {
        return new ConnectionEntry(id, uri, id, null, autoconnect, false, null);
    }

    /** One batch as seen by the listener, with the time it arrived. */
    private record Batch(long nanos, List<HostSnapshot> snapshots) {
    }

    @Test
    void manyChangesArriveAsFewBatchesWithEveryHostsLatestSnapshot() throws Exception {
        fleet = new Fleet(HostConnection.Opener.direct(), Duration.ofSeconds(60), BATCH, 8);
        List<Batch> batches = new CopyOnWriteArrayList<>();
        List<String> batchThreads = new CopyOnWriteArrayList<>();
        fleet.addBatchListener(b -> {
            batches.add(new Batch(System.nanoTime(), b));
            batchThreads.add(Thread.currentThread().getName());
        });
        AtomicInteger published = new AtomicInteger();
        String uri = DemoHost.uri(cache);
        for (int i = 0; i < 3; i++) {
            fleet.add(entry("host-" + i, uri, true)).addListener(s -> published.incrementAndGet());
        }
        fleet.connectAll(true).get(20, TimeUnit.SECONDS);

        List<java.util.concurrent.CompletableFuture<Void>> actions = new ArrayList<>();
        for (HostConnection host : fleet.hosts()) {
            String web = host.snapshot().vms().stream().filter(v -> v.name().equals("web1")).findFirst().orElseThrow().uuid();
            for (int round = 0; round < 15; round++) {
                actions.add(host.suspend(web));
                actions.add(host.resume(web));
            }
            actions.add(host.suspend(web));
        }
        for (var action : actions) {
            action.get(20, TimeUnit.SECONDS);
        }

        Map<String, HostSnapshot> latest = new ConcurrentHashMap<>();
        Await.until(WAIT, () -> {
            batches.forEach(b -> b.snapshots().forEach(s -> latest.put(s.connectionId(), s)));
            return fleet.hosts().stream().allMatch(h -> h.snapshot().equals(latest.get(h.id())));
        }, () -> latest.toString());

        for (HostConnection host : fleet.hosts()) {
            HostSnapshot last = latest.get(host.id());
            assertEquals(ConnectionState.CONNECTED, last.state());
            assertEquals("PAUSED", last.vms().stream().filter(v -> v.name().equals("web1")).map(VmInfo::state)
                    .findFirst().orElseThrow().name());
        }
        assertTrue(published.get() >= 3 * 31, "each action published a snapshot: " + published.get());
        assertTrue(batches.size() * 4 < published.get(), batches.size() + " batches for " + published.get() + " snapshots");
        for (Batch batch : batches) {
            assertEquals(batch.snapshots().size(),
                    batch.snapshots().stream().map(HostSnapshot::connectionId).distinct().count(), "one snapshot per host per batch");
        }
        for (int i = 1; i < batches.size(); i++) {
            long gapMillis = (batches.get(i).nanos() - batches.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gapMillis >= BATCH.toMillis() - 20, "batches " + gapMillis + " ms apart");
        }
        assertTrue(batchThreads.stream().allMatch("vireo-fleet-batcher"::equals), batchThreads.toString());
    }

    @Test
    void connectsAtMostEightHostsAtOnce() throws Exception {
        Semaphore gate = new Semaphore(0);
        AtomicInteger inOpener = new AtomicInteger();
        AtomicInteger maxInOpener = new AtomicInteger();
        HostConnection.Opener slow = e -> {
            maxInOpener.accumulateAndGet(inOpener.incrementAndGet(), Math::max);
            try {
                if (!gate.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            } finally {
                inOpener.decrementAndGet();
            }
            return OpenedConnection.direct(new Connect("test:///default"));
        };
        fleet = new Fleet(slow, Duration.ofSeconds(60), BATCH, 8);
        for (int i = 0; i < 20; i++) {
            fleet.add(entry("h" + i, "test:///default", false));
        }

        var all = fleet.connectAll(false);

        Await.until(WAIT, () -> inOpener.get() == 8, () -> inOpener + " in the opener");
        long connecting = fleet.hosts().stream().filter(h -> h.snapshot().state() == ConnectionState.CONNECTING).count();
        assertEquals(8, connecting, "only the hosts holding a slot are connecting");
        assertEquals(12, fleet.waitingConnects());
        assertFalse(all.isDone());

        gate.release(1000);
        all.get(20, TimeUnit.SECONDS);
        assertTrue(fleet.hosts().stream().allMatch(h -> h.snapshot().state() == ConnectionState.CONNECTED));
        assertTrue(maxInOpener.get() <= 8, "at most 8 at once, saw " + maxInOpener.get());
        assertEquals(0, fleet.waitingConnects());
    }

    @Test
    void connectAllAutoconnectOnlySkipsTheOthersAndFailuresDoNotStopTheRest() throws Exception {
        fleet = new Fleet(HostConnection.Opener.direct(), Duration.ofSeconds(60), BATCH, 2);
        fleet.add(entry("auto", "test:///default", true));
        fleet.add(entry("manual", "test:///default", false));
        fleet.add(entry("broken", "test:///nonexistent/file.xml", true));

        fleet.connectAll(true).get(20, TimeUnit.SECONDS);

        assertEquals(ConnectionState.CONNECTED, fleet.get("auto").orElseThrow().snapshot().state());
        assertEquals(ConnectionState.DISCONNECTED, fleet.get("manual").orElseThrow().snapshot().state());
        HostSnapshot broken = fleet.get("broken").orElseThrow().snapshot();
        assertEquals(ConnectionState.DISCONNECTED, broken.state());
        assertTrue(broken.reason().english().contains("test:///nonexistent/file.xml"), broken.reason().english());
    }

    @Test
    void removedHostLeavesTheFeedAndIsClosed() throws Exception {
        fleet = new Fleet(HostConnection.Opener.direct(), Duration.ofSeconds(60), BATCH, 8);
        List<HostSnapshot> delivered = new CopyOnWriteArrayList<>();
        fleet.addBatchListener(delivered::addAll);
        HostConnection host = fleet.add(entry("gone", "test:///default", false));
        fleet.add(entry("stays", "test:///default", false));
        host.connect().get(10, TimeUnit.SECONDS);

        fleet.remove("gone").get(10, TimeUnit.SECONDS);
        fleet.get("stays").orElseThrow().connect().get(10, TimeUnit.SECONDS);
        Await.until(WAIT, () -> delivered.stream().anyMatch(s -> s.connectionId().equals("stays")
                && s.state() == ConnectionState.CONNECTED), delivered::toString);

        assertTrue(fleet.get("gone").isEmpty());
        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        // "stays" connected after the removal, so nothing from "gone" may follow its first CONNECTED snapshot
        // (a batch taken before the removal is delivered earlier, on the same thread).
        int staysConnected = 0;
        while (!(delivered.get(staysConnected).connectionId().equals("stays")
                && delivered.get(staysConnected).state() == ConnectionState.CONNECTED)) {
            staysConnected++;
        }
        assertTrue(delivered.subList(staysConnected, delivered.size()).stream().noneMatch(s -> s.connectionId().equals("gone")),
                delivered.toString());
    }
}
