package org.vireo.connections.libvirt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.support.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.vireo.resources.Messages;
import java.util.Locale;

class HostConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration NO_POLL = Duration.ofSeconds(60);

    @TempDir
    Path cache;

    private final List<HostConnection> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (HostConnection host : opened) {
            host.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    private HostConnection host(String name, String uri, Duration poll) {
        HostConnection host = new HostConnection(new ConnectionEntry("id-" + name, uri, name, null, false, false, null),
                HostConnection.Opener.direct(), poll);
        opened.add(host);
        return host;
    }

    private HostConnection connectedDemo(Duration poll) throws Exception {
        HostConnection host = host("demo-a", DemoHost.uri(cache), poll);
        await(host.connect());
        return host;
    }

    private static <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static VmInfo vm(HostSnapshot snapshot, String name) {
        return snapshot.vms().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no VM " + name + " in " + snapshot.vms()));
    }

    private static HostOperationException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return assertInstanceOf(HostOperationException.class, e.getCause());
    }

    @Test
    void startsDisconnectedWithNoVms() {
        HostSnapshot snapshot = host("idle", "test:///default", NO_POLL).snapshot();
        assertEquals(ConnectionState.DISCONNECTED, snapshot.state());
        assertEquals(List.of(), snapshot.vms());
        assertEquals("idle", snapshot.displayName());
    }

    @Test
    void connectsToTheDefaultTestHost() throws Exception {
        HostConnection host = host("default", "test:///default", NO_POLL);
        await(host.connect());

        HostSnapshot snapshot = host.snapshot();
        assertEquals(ConnectionState.CONNECTED, snapshot.state());
        assertNull(snapshot.reason());
        assertEquals(List.of("test"), snapshot.vms().stream().map(VmInfo::name).toList());
        assertEquals(VmState.RUNNING, vm(snapshot, "test").state());
        assertEquals("TEST", snapshot.info().hypervisor());
        assertTrue(snapshot.info().libvirtVersion().matches("\\d+\\.\\d+\\.\\d+"), snapshot.info().libvirtVersion());
        assertTrue(LibvirtEventLoop.isRunning());
    }

    @Test
    void demoHostShowsItsVmsInTheirStates() throws Exception {
        HostSnapshot snapshot = connectedDemo(NO_POLL).snapshot();

        assertEquals(ConnectionState.CONNECTED, snapshot.state());
        assertEquals(List.of("builder1", "builder2", "db1", "router", "web1", "web2"),
                snapshot.vms().stream().map(VmInfo::name).toList());
        assertEquals(VmState.RUNNING, vm(snapshot, "web1").state());
        assertEquals(VmState.PAUSED, vm(snapshot, "db1").state());
        assertEquals(VmState.SHUTOFF, vm(snapshot, "builder1").state());
        assertEquals(8, vm(snapshot, "builder1").vcpus());
        assertEquals(0, vm(snapshot, "builder1").cpuTimeNs());
        assertTrue(vm(snapshot, "web1").persistent());
        assertEquals(16, snapshot.info().cpus());
        assertEquals(33554432L, snapshot.info().memoryKiB());
    }

    @Test
    void lifecycleActionsShowInTheSnapshotWhenTheFutureCompletes() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        String builder = vm(host.snapshot(), "builder1").uuid();

        await(host.start(builder));
        assertEquals(VmState.RUNNING, vm(host.snapshot(), "builder1").state());
        await(host.suspend(builder));
        assertEquals(VmState.PAUSED, vm(host.snapshot(), "builder1").state());
        await(host.resume(builder));
        assertEquals(VmState.RUNNING, vm(host.snapshot(), "builder1").state());
        await(host.reboot(builder));
        assertEquals(VmState.RUNNING, vm(host.snapshot(), "builder1").state());
        await(host.forceOff(builder));
        assertEquals(VmState.SHUTOFF, vm(host.snapshot(), "builder1").state());

        String web = vm(host.snapshot(), "web2").uuid();
        await(host.shutdown(web));
        assertEquals(VmState.SHUTOFF, vm(host.snapshot(), "web2").state());
    }

    @Test
    void failedActionNamesTheVmTheHostAndLibvirtsReason() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        String web = vm(host.snapshot(), "web1").uuid();

        HostOperationException e = failure(host.start(web));

        assertTrue(e.getMessage().startsWith("Cannot start 'web1' on demo-a: "), e.getMessage());
        assertTrue(e.getMessage().length() > "Cannot start 'web1' on demo-a: ".length(), e.getMessage());
        assertEquals(VmState.RUNNING, vm(host.snapshot(), "web1").state());
    }

    @Test
    void actionsWhileDisconnectedFailWithAMessage() {
        HostConnection host = host("offline", "test:///default", NO_POLL);
        HostOperationException e = failure(host.start("6f1c0b52-3d1a-4c55-9a51-0a5c0e8c7a01"));
        assertTrue(e.getMessage().endsWith("on offline: not connected"), e.getMessage());
    }

    @Test
    void workWhileDisconnectedIsRefusedInEnglishAndFrench() {
        HostConnection host = host("offline", "test:///default", NO_POLL);
        String uuid = "6f1c0b52-3d1a-4c55-9a51-0a5c0e8c7a01";
        Messages french = new Messages(Locale.FRENCH);
        HostOperationException forceOff = failure(host.forceOff(uuid));
        assertEquals("Cannot force off '" + uuid + "' on offline: not connected", forceOff.getMessage());
        assertEquals("Impossible de forcer l\u2019arr\u00eat de \u00ab\u00a0" + uuid
                + "\u00a0\u00bb sur offline\u00a0: non connect\u00e9", forceOff.text().in(french));
        HostOperationException xml = failure(host.domainXml(uuid));
        assertEquals("Cannot read the XML of '" + uuid + "' on offline: not connected", xml.getMessage());
        assertEquals("Impossible de lire le XML de \u00ab\u00a0" + uuid + "\u00a0\u00bb sur offline\u00a0: non connect\u00e9",
                xml.text().in(french));
        HostOperationException refresh = failure(host.refresh());
        assertEquals("Cannot refresh offline: not connected", refresh.getMessage());
        assertEquals("Impossible d\u2019actualiser offline\u00a0: non connect\u00e9", refresh.text().in(french));
        HostOperationException call = failure(host.call(c -> c.getHostName()));
        assertEquals("Error on offline: not connected", call.getMessage());
        assertEquals("Erreur sur offline\u00a0: non connect\u00e9", call.text().in(french));
    }

    @Test
    void aClosedHostSaysSoInEnglishAndFrench() throws Exception {
        HostConnection host = host("gone", "test:///default", NO_POLL);
        host.closeAsync().get(10, TimeUnit.SECONDS);
        HostOperationException e = failure(host.refresh());
        assertEquals("gone is closed", e.getMessage());
        assertEquals("gone est ferm\u00e9", e.text().in(new Messages(Locale.FRENCH)));
    }

    @Test
    void domainXmlComesFromTheHost() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        String xml = await(host.domainXml(vm(host.snapshot(), "db1").uuid()));
        assertTrue(xml.contains("<name>db1</name>"), xml);
    }

    @Test
    void lifecycleEventUpdatesTheSnapshotWithoutWaitingForThePoll() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        String builder = vm(host.snapshot(), "builder2").uuid();
        List<HostSnapshot> seen = new CopyOnWriteArrayList<>();
        host.addListener(seen::add);

        // Started through the raw connection, as another program would: only the event can tell us.
        await(host.call(conn -> {
            Domain domain = conn.domainLookupByUUIDString(builder);
            domain.create();
            domain.free();
            return null;
        }));

        Await.until(WAIT, () -> vm(host.snapshot(), "builder2").state() == VmState.RUNNING,
                () -> vm(host.snapshot(), "builder2").toString());
        assertFalse(seen.isEmpty(), "listeners heard of the change");
        assertEquals(VmState.RUNNING, vm(seen.get(seen.size() - 1), "builder2").state());
    }

    @Test
    void defineAndUndefineThroughEventsAddAndRemoveTheVm() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        String xml = """
                <domain type="test"><name>extra</name><uuid>11111111-2222-3333-4444-555555555555</uuid>
                <memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>""";

        await(host.call(conn -> conn.domainDefineXML(xml).free()));
        Await.until(WAIT, () -> host.snapshot().vms().stream().anyMatch(v -> v.name().equals("extra")),
                () -> host.snapshot().vms().toString());
        assertEquals(VmState.SHUTOFF, vm(host.snapshot(), "extra").state());

        await(host.call(conn -> {
            Domain domain = conn.domainLookupByName("extra");
            domain.undefine();
            return domain.free();
        }));
        Await.until(WAIT, () -> host.snapshot().vms().stream().noneMatch(v -> v.name().equals("extra")),
                () -> host.snapshot().vms().toString());
    }

    @Test
    void changesThroughAnotherConnectionAreNotSharedByTheTestDriver() throws Exception {
        HostConnection host = connectedDemo(Duration.ofMillis(100));
        int before = host.snapshot().vms().size();
        Connect other = new Connect(host.entry().uri());
        try {
            other.domainDefineXML("""
                    <domain type="test"><name>elsewhere</name><memory>131072</memory><vcpu>1</vcpu>
                    <os><type>hvm</type></os></domain>""").free();
            assertEquals(before + 1, other.listAllDomains(0).length);
        } finally {
            other.close();
        }
        // The test driver keeps one private state per connection: our VM list must stay as it was.
        await(host.refresh());
        assertEquals(before, host.snapshot().vms().size());
    }

    @Test
    void pollingPicksUpChangesWhenNoEventArrives() throws Exception {
        HostConnection host = host("polled", DemoHost.uri(cache), Duration.ofMillis(200));
        await(host.connect());
        String builder = vm(host.snapshot(), "builder1").uuid();
        // Remove our event listener's effect by changing state through call() and checking a poll-only fact:
        // the autostart flag raises no lifecycle event, so only the poll can show it.
        await(host.call(conn -> {
            Domain domain = conn.domainLookupByUUIDString(builder);
            domain.setAutostart(true);
            return domain.free();
        }));
        Await.until(WAIT, () -> vm(host.snapshot(), "builder1").autostart(), () -> vm(host.snapshot(), "builder1").toString());
    }

    @Test
    void disconnectEmptiesTheHostAndConnectWorksAgain() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        await(host.disconnect());
        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        assertEquals(List.of(), host.snapshot().vms());
        assertNull(host.snapshot().reason());

        await(host.connect());
        assertEquals(ConnectionState.CONNECTED, host.snapshot().state());
        assertEquals(6, host.snapshot().vms().size());
    }

    @Test
    void uriLibvirtRejectsLeavesTheHostDisconnectedWithTheReason() throws Exception {
        HostConnection host = host("missing", "test:///nonexistent/file.xml", NO_POLL);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        host.addListener(s -> states.add(s.state()));

        CompletableFuture<Void> attempt = host.connect(); // returns at once, throws nothing here
        HostOperationException e = failure(attempt);

        HostSnapshot snapshot = host.snapshot();
        assertEquals(ConnectionState.DISCONNECTED, snapshot.state());
        assertEquals(e.getMessage(), snapshot.reason().english());
        assertTrue(e.getMessage().startsWith("Cannot connect to test:///nonexistent/file.xml: "), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/file.xml'"), "libvirt's own reason: " + e.getMessage());
        // Ours in French, libvirt's own words as they came.
        assertTrue(snapshot.reason().in(new Messages(Locale.FRENCH)).startsWith(
                "Impossible de se connecter \u00e0 test:///nonexistent/file.xml\u00a0: "), snapshot.reason().english());
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.DISCONNECTED), states);
    }

    @Test
    void unknownDriverIsReportedByLibvirt() {
        HostConnection host = host("foo", "foo://bar/", NO_POLL);
        HostOperationException e = failure(host.connect());
        assertTrue(e.getMessage().startsWith("Cannot connect to foo://bar/: "), e.getMessage());
        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
    }

    @Test
    void invalidUriIsRefusedBeforeLibvirtSeesIt() {
        HostConnection host = host("bad", "qemu+ssh://host;reboot/system", NO_POLL);
        HostOperationException e = failure(host.connect());
        assertTrue(e.getMessage().contains("'qemu+ssh://host;reboot/system' is not a valid libvirt URI"), e.getMessage());
        assertEquals(e.getMessage(), host.snapshot().reason().english());
        assertEquals("\u00ab\u00a0qemu+ssh://host;reboot/system\u00a0\u00bb n\u2019est pas une URI libvirt valide\u00a0:"
                + " le nom d\u2019h\u00f4te \u00ab\u00a0host;reboot\u00a0\u00bb contient \u00ab\u00a0;\u00a0\u00bb",
                host.snapshot().reason().in(new Messages(Locale.FRENCH)));
    }

    @Test
    void openerIsTheOnlyWayToAConnect() throws Exception {
        List<String> openedUris = new CopyOnWriteArrayList<>();
        HostConnection host = new HostConnection(ConnectionEntry.of("qemu+ssh://nowhere.invalid/system"), entry -> {
            openedUris.add(entry.uri());
            return OpenedConnection.direct(new Connect("test:///default")); // e.g. a tunnel endpoint standing in for the entry's URI
        }, NO_POLL);
        opened.add(host);
        await(host.connect());
        assertEquals(List.of("qemu+ssh://nowhere.invalid/system"), openedUris);
        assertEquals(ConnectionState.CONNECTED, host.snapshot().state());
        assertEquals("nowhere.invalid", host.snapshot().displayName());
    }

    @Test
    void closedHostRefusesWork() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        host.closeAsync().get(10, TimeUnit.SECONDS);
        assertEquals(ConnectionState.DISCONNECTED, host.snapshot().state());
        HostOperationException e = failure(host.connect());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void everyLibvirtCallRunsOnTheHostThread() throws Exception {
        HostConnection host = connectedDemo(NO_POLL);
        String thread = await(host.call(conn -> Thread.currentThread().getName()));
        assertEquals("host-demo-a", thread);
        assertNotNull(host.snapshot().info());
    }

    @Test
    void demoHostInAFolderWithSpacesOpens(@TempDir Path other) throws Exception {
        HostConnection host = host("spaced", DemoHost.uri(other.resolve("with space")), NO_POLL);
        await(host.connect());
        assertEquals(6, host.snapshot().vms().size());
    }
}
