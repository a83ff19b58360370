package org.vireo.app.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.vireo.app.importing.ConnectBatch.HostState;
import org.vireo.app.importing.ConnectBatch.Row;
import org.vireo.app.ssh.BatchHostKeyPrompt;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.OpenedConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.libvirt.TransportException;
import org.vireo.connections.ssh.HostKeyChangedException;
import org.vireo.connections.ssh.HostKeyPrompt.Decision;
import org.vireo.connections.ssh.HostKeyRejectedException;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/**
 * A batch of hosts whose opener asks the batch prompt about their keys as the SSH layer does: the unknown
 * keys end up in one review (aliases of one key together), changed keys apart, and the accepted hosts connect.
 */
class ConnectBatchTest {
    private static final UnknownHostKey KEY_A = new UnknownHostKey("10.0.0.1", 22, "ssh-ed25519", "SHA256:aaaa");
    private static final UnknownHostKey KEY_B = new UnknownHostKey("10.0.0.2", 2222, "ssh-ed25519", "SHA256:bbbb");

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskExecutor ui = uiQueue::add;
    private final List<String> singleAsks = new CopyOnWriteArrayList<>();
    private final BatchHostKeyPrompt prompt = new BatchHostKeyPrompt(key -> {
        singleAsks.add(key.host());
        return Decision.REJECT;
    });
    /** Host name → the decisions its connects got from the prompt. */
    private final Map<String, List<Decision>> answers = new ConcurrentHashMap<>();
    private final Map<String, UnknownHostKey> keyOf = Map.of("n1", KEY_A, "n1-alias", KEY_A, "n2", KEY_B);
    private Fleet fleet;

    /** Like the SSH opener: unknown key → ask; REJECT → a refused host key; "changed" → a changed key. */
    private OpenedConnection open(ConnectionEntry entry) throws org.libvirt.LibvirtException, TransportException {
        if (entry.name().equals("changed")) {
            throw new TransportException("refused", new HostKeyChangedException("10.0.0.9", "ssh-ed25519",
                    "SHA256:old", "SHA256:new", "/home/u/.ssh/known_hosts:3"), false);
        }
        UnknownHostKey key = keyOf.get(entry.name());
        if (key != null) {
            Decision decision = prompt.ask(key);
            answers.computeIfAbsent(entry.name(), n -> new CopyOnWriteArrayList<>()).add(decision);
            if (decision == Decision.REJECT) {
                throw new TransportException("not accepted", new HostKeyRejectedException("not accepted", key), false);
            }
        }
        return OpenedConnection.direct(new Connect("test:///default", false));
    }

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void unknownKeysAreReviewedOnceAndOnlyTheAcceptedHostsConnect() {
        fleet = new Fleet(this::open, Duration.ofSeconds(5), Duration.ofMillis(20), 2, ReconnectPolicy.NEVER);
        List<ConnectionEntry> entries = List.of(entry("n1"), entry("n1-alias"), entry("n2"), entry("changed"), entry("plain"));
        entries.forEach(fleet::add);
        ConnectBatch batch = new ConnectBatch(entries, fleet, prompt, ui, new Messages(Locale.ROOT));
        fleet.addBatchListener(b -> ui.runOnUi(() -> batch.applySnapshots(b)));

        batch.start();
        awaitUi(() -> batch.reviewProperty().get() != null);

        ConnectBatch.Review review = batch.reviewProperty().get();
        assertEquals(2, review.unknown().size(), review.toString());
        assertEquals(KEY_A, review.unknown().get(0).key());
        assertEquals(List.of("n1", "n1-alias"), review.unknown().get(0).hosts());
        assertEquals(List.of("n2"), review.unknown().get(1).hosts());
        assertEquals(1, review.changed().size());
        assertEquals("SHA256:new", review.changed().get(0).change().presentedFingerprint());
        assertEquals(List.of("changed"), review.changed().get(0).hosts());
        assertEquals(List.of(), singleAsks, "no single-host dialog during the batch");
        awaitUi(() -> state(batch, "plain") == HostState.CONNECTED);
        assertEquals(HostState.AWAITING_KEY, state(batch, "n1"));
        assertEquals(HostState.KEY_CHANGED, state(batch, "changed"));
        assertTrue(batch.countsProperty().get().contains("3 waiting for a host-key decision"), batch.countsProperty().get());

        batch.applyReview(Set.of(KEY_A), true);

        awaitUi(() -> batch.finishedProperty().get());
        assertEquals(HostState.CONNECTED, state(batch, "n1"));
        assertEquals(HostState.CONNECTED, state(batch, "n1-alias"));
        assertEquals(HostState.FAILED, state(batch, "n2"));
        assertEquals(HostState.KEY_CHANGED, state(batch, "changed"));
        List<Decision> second = List.of(answers.get("n1").get(1), answers.get("n1-alias").get(1));
        assertTrue(second.contains(Decision.ACCEPT_AND_SAVE) && second.contains(Decision.ACCEPT_ONCE),
                "the key is saved by one host only: " + second);
        assertEquals(List.of(Decision.REJECT), answers.get("n2"), "a rejected key is not tried again");
        assertEquals("5 hosts: 3 connected, 0 connecting, 0 waiting for a host-key decision, 2 failed",
                batch.countsProperty().get());
    }

    @Test
    void outsideABatchTheSingleHostPromptIsAskedAndAfterCloseEverythingIsRejected() {
        assertEquals(Decision.REJECT, prompt.ask(KEY_A));
        assertEquals(List.of("10.0.0.1"), singleAsks);
        prompt.beginBatch();
        assertEquals(Decision.REJECT, prompt.ask(KEY_B));
        assertEquals(1, singleAsks.size(), "gathered, not asked");
        prompt.endBatch();
        prompt.approve(KEY_B, false);
        assertEquals(Decision.ACCEPT_ONCE, prompt.ask(KEY_B));
        assertEquals(Decision.ACCEPT_ONCE, prompt.ask(KEY_B), "accepted for the session");
        prompt.close();
        assertEquals(Decision.REJECT, prompt.ask(KEY_B));
        assertEquals(1, singleAsks.size());
    }

    private static ConnectionEntry entry(String name) {
        return new ConnectionEntry("id-" + name, "test:///default", name, "lab", false, false, null);
    }

    private static HostState state(ConnectBatch batch, String name) {
        return batch.rows().stream().filter(r -> r.name().equals(name)).map(Row::state).findFirst().orElseThrow();
    }

    private void awaitUi(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 10 s");
            }
            try {
                Runnable r = uiQueue.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
