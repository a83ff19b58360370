package org.vireo.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.vireo.app.importing.ConnectBatch;
import org.vireo.app.ssh.BatchHostKeyPrompt;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.OpenedConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.libvirt.TransportException;
import org.vireo.connections.ssh.HostKeyPrompt.Decision;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/** A connect batch (as an import starts) becomes one job; without a stage, the UI thread being a queue. */
class JobTrackingTest {
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskExecutor ui = uiQueue::add;
    private Fleet fleet;

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aConnectBatchWithAnUnreachableHostEndsAsAFailedJobNamingIt() throws InterruptedException {
        fleet = new Fleet(entry -> {
            if (entry.name().equals("down")) {
                throw new TransportException("connection refused by 10.0.0.9:22", null, false);
            }
            return OpenedConnection.direct(new Connect("test:///default", false));
        }, Duration.ofSeconds(5), Duration.ofMillis(20), 2, ReconnectPolicy.NEVER);
        List<ConnectionEntry> entries = List.of(entry("up"), entry("down"));
        entries.forEach(fleet::add);
        Messages messages = new Messages(Locale.ROOT);
        ConnectBatch batch = new ConnectBatch(entries, fleet, new BatchHostKeyPrompt(key -> Decision.REJECT), ui, messages);
        fleet.addBatchListener(b -> ui.runOnUi(() -> batch.applySnapshots(b)));
        JobRegistry registry = new JobRegistry();
        new JobTracking(registry, messages).connect(batch, () -> false);
        assertEquals(1, registry.runningCount());
        assertEquals("Connecting 2 hosts", registry.jobs().get(0).title());

        batch.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (registry.runningCount() > 0 && Instant.now().isBefore(deadline)) {
            Runnable task = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }

        JobRegistry.Job job = registry.jobs().get(0);
        assertEquals(JobRegistry.State.FAILED, job.state(), job.toString());
        assertTrue(job.error().startsWith("down: ") && job.error().contains("connection refused by 10.0.0.9:22"),
                job.error());
        assertEquals("2 hosts: 1 connected, 0 connecting, 0 waiting for a host-key decision, 1 failed", job.result());
    }

    private static ConnectionEntry entry(String name) {
        return new ConnectionEntry("id-" + name, "test:///default", name, "lab", false, false, null);
    }
}
