package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.support.Await;
import org.vireo.resources.Text;
import java.util.Locale;
import org.vireo.resources.Messages;

/**
 * Auto-reconnect driven by a fake transport: the libvirt side is the test driver, the "link" is lost on
 * command, and the opener fails as scripted.
 */
class HostConnectionReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(80), 4, 0.2);

    private final List<FakeLink> links = new CopyOnWriteArrayList<>();
    private final List<HostSnapshot> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger opens = new AtomicInteger();
    /** What the next opens throw; null = succeed. */
    private volatile TransportException failWith;
    private HostConnection host;

    /** A link that can be cut from the test and records whether the host closed it. */
    static final class FakeLink implements Transport {
        volatile Consumer<Text> lost;
        volatile boolean closed;

        @Override
        public void onLost(Consumer<Text> listener) {
            lost = listener;
        }

        @Override
        public void close() {
            closed = true;
        }

        void cut(String reason) {
            lost.accept(Text.verbatim(reason));
        }
    }

    private HostConnection host(ReconnectPolicy policy) {
        host = new HostConnection(new ConnectionEntry("id", "qemu+ssh://root@node/system", "node", null, false, false,
                null), entry -> {
                    opens.incrementAndGet();
                    TransportException failure = failWith;
                    if (failure != null) {
                        throw failure;
                    }
                    FakeLink link = new FakeLink();
                    links.add(link);
                    return new OpenedConnection(new Connect("test:///default"), link);
                }, Duration.ofSeconds(60), policy);
        host.addListener(seen::add);
        return host;
    }

    @AfterEach
    void close() throws Exception {
        if (host != null) {
            host.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    private List<ConnectionState> states() {
        return seen.stream().map(HostSnapshot::state).distinct().toList();
    }

    private void connected() throws Exception {
        host.connect().get(10, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, host.snapshot().state());
    }

    @Test
    void lostLinkMarksTheHostLostThenReconnectsByItself() throws Exception {
        host(FAST);
        connected();
        FakeLink first = links.get(0);

        first.cut("SSH connection to root@node:22 lost: closed by the server");

        Await.until(WAIT, () -> host.snapshot().state() == ConnectionState.CONNECTED && links.size() == 2,
                () -> host.snapshot().toString());
        assertTrue(first.closed, "the lost link is closed");
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.LOST,
                ConnectionState.RECONNECTING), states());
        HostSnapshot lost = seen.stream().filter(s -> s.state() == ConnectionState.LOST).findFirst().orElseThrow();
        assertEquals("SSH connection to root@node:22 lost: closed by the server", lost.reason().english());
        assertEquals(1, host.snapshot().vms().size(), "VMs are back");
    }

    @Test
    void reconnectingShowsTheLastErrorAndTheNextAttemptThenGivesUp() throws Exception {
        host(FAST);
        connected();
        failWith = new TransportException("sshd is down", null, true);

        links.get(0).cut("link cut");

        Await.until(WAIT, () -> host.snapshot().state() == ConnectionState.DISCONNECTED, () -> host.snapshot().toString());
        assertEquals(1 + 4, opens.get(), "the first connect and 4 attempts");
        assertTrue(host.snapshot().reason().english().contains("sshd is down"), host.snapshot().reason().english());
        assertTrue(host.snapshot().reason().english().contains("gave up after 4 reconnect attempts"),
                host.snapshot().reason().english());
        List<String> reconnecting = seen.stream().filter(s -> s.state() == ConnectionState.RECONNECTING)
                .map(s -> s.reason().english()).distinct().toList();
        assertTrue(reconnecting.get(0).matches("link cut \\(next attempt 1 of 4 at \\d\\d:\\d\\d:\\d\\d\\)"),
                reconnecting.toString());
        assertTrue(reconnecting.stream().anyMatch(r -> r.matches(".*sshd is down \\(next attempt 4 of 4 at .*")),
                reconnecting.toString());
        Messages french = new Messages(Locale.FRENCH);
        assertEquals("Impossible de se connecter \u00e0 qemu+ssh://root@node/system\u00a0: sshd is down (abandon apr\u00e8s"
                + " 4 tentatives de reconnexion)", host.snapshot().reason().in(french));
        assertTrue(seen.stream().filter(s -> s.state() == ConnectionState.RECONNECTING).findFirst().orElseThrow()
                .reason().in(french).matches("link cut \\(tentative 1 sur 4 \u00e0 \\d\\d:\\d\\d:\\d\\d\\)"));
    }

    @Test
    void refusedHostKeyOrLoginStopsReconnecting() throws Exception {
        host(FAST);
        connected();
        failWith = new TransportException("host key refused", null, false);

        links.get(0).cut("link cut");

        Await.until(WAIT, () -> host.snapshot().state() == ConnectionState.DISCONNECTED, () -> host.snapshot().toString());
        assertEquals(2, opens.get(), "one attempt, no more");
        assertTrue(host.snapshot().reason().english().endsWith("host key refused"), host.snapshot().reason().english());
    }

    @Test
    void userDisconnectCancelsThePendingAttempt() throws Exception {
        host(new ReconnectPolicy(Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 0));
        connected();
        links.get(0).cut("link cut");
        Await.until(WAIT, () -> host.snapshot().state() == ConnectionState.RECONNECTING, () -> host.snapshot().toString());

        host.disconnect().get(10, TimeUnit.SECONDS);

        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        host.connect().get(10, TimeUnit.SECONDS); // and connecting by hand works at once
        assertEquals(ConnectionState.CONNECTED, host.snapshot().state());
        assertEquals(2, opens.get());
    }

    @Test
    void userDisconnectClosesTheLinkAndNeverReconnects() throws Exception {
        host(FAST);
        connected();

        host.disconnect().get(10, TimeUnit.SECONDS);

        assertTrue(links.get(0).closed);
        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        assertEquals(null, host.snapshot().reason());
        // a late loss report of the closed link changes nothing
        links.get(0).cut("late");
        host.refresh().exceptionally(e -> null).get(10, TimeUnit.SECONDS); // runs after the late report
        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        assertEquals(1, opens.get());
    }

    @Test
    void failedFirstConnectDoesNotReconnect() throws Exception {
        host(FAST);
        failWith = new TransportException("no route to host", null, true);

        host.connect().exceptionally(e -> null).get(10, TimeUnit.SECONDS);

        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        assertEquals("Cannot connect to qemu+ssh://root@node/system: no route to host", host.snapshot().reason().english());
        host.refresh().exceptionally(e -> null).get(10, TimeUnit.SECONDS);
        assertEquals(1, opens.get());
    }
}
