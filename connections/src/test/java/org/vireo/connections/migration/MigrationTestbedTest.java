package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.support.Await;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;

/**
 * The migration engine against the two-host test bed: guests really move from A to B (checked with separate
 * libvirt connections to both daemons), pre-checks refuse what cannot work, and a cancelled migration leaves
 * the guest running on A.
 */
@Tag("testbed")
class MigrationTestbedTest {
    private static final String PREFIX = "vireo-mig";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Testbed bed;
    TestGuests guests;
    /** B's own guests: one TestGuests forgets a name once it removed it from one host. */
    TestGuests guestsOnB;
    Connect directA;
    Connect directB;
    SshSessions sessions;
    final List<HostConnection> hosts = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        guests = new TestGuests(bed);
        guestsOnB = new TestGuests(bed);
        directA = new Connect(bed.hostA().unixUri());
        directB = new Connect(bed.hostB().unixUri());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HostConnection h : hosts) {
            h.closeAsync().get(20, TimeUnit.SECONDS);
        }
        if (sessions != null) {
            sessions.close();
        }
        try {
            guests.cleanup(directA, PREFIX);
            guests.cleanup(directB, PREFIX);
            guestsOnB.cleanup(directB, PREFIX);
        } finally {
            directA.close();
            directB.close();
        }
    }

    private HostConnection connect(String uri, HostConnection.Opener opener) throws Exception {
        HostConnection h = new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), uri, null, null, true,
                false, null), opener, Duration.ofSeconds(30), ReconnectPolicy.NEVER);
        hosts.add(h);
        h.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, h.snapshot().state(), h.snapshot().toString());
        return h;
    }

    /** Vireo's own SSH (JSch) with the test bed's key and known hosts, as a user's ~/.ssh would give them. */
    private HostConnection.Opener sshOpener() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(bed.knownHosts(), home.resolve(".ssh/known_hosts"));
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  IdentityFile " + bed.sshKey() + "\n");
        sessions = new SshSessions(SshSettings.forHome(home, Map.of(), "root"), HostKeyPrompt.refuseUnknown(),
                AuthPrompt.none());
        return OpenerByTransport.standard(sessions);
    }

    private HostConnection hostA() throws Exception {
        return connect(bed.hostA().unixUri(), HostConnection.Opener.direct());
    }

    private HostConnection hostB() throws Exception {
        return connect(bed.hostB().unixUri(), HostConnection.Opener.direct());
    }

    /** Defines a diskless guest on A (started when asked) and returns its UUID. */
    private String guestOnA(String name, boolean start) throws LibvirtException {
        Domain d = guests.define(directA, name);
        try {
            if (start) {
                d.create();
            }
            return d.getUUIDString();
        } finally {
            d.free();
        }
    }

    /** Memory goes host to host on loopback; B picks the port from its own migration range. */
    private static MigrationOptions live() {
        return MigrationOptions.defaults(MigrationMode.LIVE).withAddresses("tcp://127.0.0.1", "127.0.0.1");
    }

    private static MigrationResult await(MigrationJob job) throws Exception {
        return job.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failureOf(MigrationJob job) throws Exception {
        try {
            job.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        return fail("the migration was expected to fail but succeeded");
    }

    private static DomainInfo.DomainState stateOn(Connect conn, String name) throws LibvirtException {
        Domain d = conn.domainLookupByName(name);
        try {
            return d.getInfo().state;
        } finally {
            d.free();
        }
    }

    private static boolean existsOn(Connect conn, String name) throws LibvirtException {
        try {
            conn.domainLookupByName(name).free();
            return true;
        } catch (LibvirtException e) {
            if (e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }

    private void assertRunsOnBOnly(String name, String uuid, HostConnection a, HostConnection b) throws Exception {
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, stateOn(directB, name), "running on B");
        Domain onB = directB.domainLookupByName(name);
        try {
            assertEquals(uuid, onB.getUUIDString(), "same UUID on B");
            assertEquals(1, onB.isPersistent(), "persistent on B");
            int vnc = TestGuests.vncPort(onB.getXMLDesc(0));
            assertTrue(bed.hostB().vncPortInRange(vnc), "VNC port " + vnc + " in B's range");
        } finally {
            onB.free();
        }
        assertTrue(!existsOn(directA, name), "undefined on A");
        // Both hosts re-read their VMs before the job completes: the tree shows the move at once.
        assertTrue(b.snapshot().vms().stream().anyMatch(v -> v.uuid().equals(uuid)), "B lists it: " + b.snapshot().vms());
        assertTrue(a.snapshot().vms().stream().noneMatch(v -> v.uuid().equals(uuid)), "A no longer lists it");
    }

    @Test
    void liveMigrationMovesARunningGuestFromAToB() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-live");
        String uuid = guestOnA(name, true);
        HostConnection a = hostA();
        HostConnection b = hostB();
        List<MigrationProgress> samples = new CopyOnWriteArrayList<>();

        long t0 = System.nanoTime();
        MigrationJob job = new Migrator().start(new MigrationRequest(uuid, a, b, live()), samples::add);
        MigrationResult result = await(job);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(name, result.vmName());
        assertEquals(b.id(), result.destinationId());
        assertRunsOnBOnly(name, uuid, a, b);
        System.out.printf("[migration] live A->B (unix sockets) of %s: %d ms, %d progress samples%n", name, millis,
                samples.size());
    }

    /**
     * Peer to peer: A's libvirtd opens the destination URI itself. The engine passes B's connection URI as
     * dconnuri; on the test bed that is B's unix socket path, which A's daemon (another mount namespace, same
     * file system) reaches. The memory still goes QEMU to QEMU on loopback.
     */
    @Test
    void peerToPeerMigrationMovesARunningGuestFromAToB() throws Exception {
        migrateAToBBy(MigrationTransport.PEER_TO_PEER, "tcp://127.0.0.1", "127.0.0.1", Domain.MigrateFlags.PEER2PEER);
    }

    /** Tunnelled: peer to peer, and the memory travels inside A's libvirtd-to-B's libvirtd connection. */
    @Test
    void tunnelledMigrationMovesARunningGuestFromAToB() throws Exception {
        migrateAToBBy(MigrationTransport.TUNNELLED, null, null,
                Domain.MigrateFlags.PEER2PEER | Domain.MigrateFlags.TUNNELED);
    }

    private void migrateAToBBy(MigrationTransport transport, String migrationUri, String listen, int expectedFlags)
            throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-" + transport.name().toLowerCase(java.util.Locale.ROOT).substring(0, 3));
        String uuid = guestOnA(name, true);
        HostConnection a = hostA();
        HostConnection b = hostB();
        MigrationOptions options = new MigrationOptions(MigrationMode.LIVE, true, true, false, transport, migrationUri,
                listen, 0, 0, false, false);
        assertEquals(expectedFlags, MigrationCall.flags(options) & expectedFlags, "the call's flags");

        long t0 = System.nanoTime();
        await(new Migrator().start(new MigrationRequest(uuid, a, b, options), p -> { }));
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertRunsOnBOnly(name, uuid, a, b);
        System.out.printf("[migration] live A->B %s (dconnuri %s): %d ms%n", transport, b.entry().uri(), millis);
    }

    /**
     * Peer to peer between hosts reached over qemu+ssh: the engine hands B's qemu+ssh URI to A's libvirtd, which
     * runs its own ssh without the test bed's key. It must fail before anything moves, saying why, with the
     * guest still running on A.
     */
    @Test
    void peerToPeerOverSshWithoutHostToHostCredentialsFailsClearlyAndTheGuestStaysOnA() throws Exception {
        HostConnection.Opener opener = sshOpener();
        String name = TestGuests.uniqueName(PREFIX + "-p2pssh");
        String uuid = guestOnA(name, true);
        HostConnection a = connect(bed.hostA().sshUri(), opener);
        HostConnection b = connect(bed.hostB().sshUri(), opener);
        MigrationOptions p2p = new MigrationOptions(MigrationMode.LIVE, true, true, false,
                MigrationTransport.PEER_TO_PEER, "tcp://127.0.0.1", "127.0.0.1", 0, 0, false, false);

        Throwable error = failureOf(new Migrator().start(new MigrationRequest(uuid, a, b, p2p), p -> { }));

        assertInstanceOf(MigrationException.class, error);
        assertTrue(error.getMessage().startsWith("Cannot migrate '" + name + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("peer to peer: the libvirtd of 127.0.0.1 (vireo-a) connects to "
                + bed.hostB().sshUri() + " itself"), error.getMessage());
        System.out.printf("[migration] peer to peer over qemu+ssh without host-to-host keys: %s%n", error.getMessage());
        // In a French window: our words in French, libvirt's reason as libvirt wrote it.
        String french = ((MigrationException) error).text().in(new Messages(Locale.FRENCH));
        String from = MigrationTargets.label(a.snapshot());
        String to = MigrationTargets.label(b.snapshot());
        String englishAction = "Cannot migrate '" + name + "' from " + from + " to " + to + ": ";
        String libvirtReason = error.getMessage().substring(englishAction.length(),
                error.getMessage().indexOf(" (peer to peer: "));
        assertEquals("Impossible de migrer \u00ab\u00a0" + name + "\u00a0\u00bb de " + from + " vers " + to
                + "\u00a0: " + libvirtReason + " (pair \u00e0 pair\u00a0: le libvirtd de "
                + from + " se connecte lui-m\u00eame \u00e0 " + bed.hostB().sshUri() + ", avec ses"
                + " propres identifiants\u00a0; une migration directe n\u2019en demande aucun)", french);
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, stateOn(directA, name), "still running on A");
        assertTrue(!existsOn(directB, name), "nothing left on B");
    }

    @Test
    void liveMigrationOverQemuSshTunnels() throws Exception {
        HostConnection.Opener opener = sshOpener();
        String name = TestGuests.uniqueName(PREFIX + "-ssh");
        String uuid = guestOnA(name, true);
        HostConnection a = connect(bed.hostA().sshUri(), opener);
        HostConnection b = connect(bed.hostB().sshUri(), opener);

        long t0 = System.nanoTime();
        await(new Migrator().start(new MigrationRequest(uuid, a, b, live()), p -> { }));
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertRunsOnBOnly(name, uuid, a, b);
        System.out.printf("[migration] live A->B over qemu+ssh: %d ms%n", millis);
    }

    @Test
    void offlineMigrationMovesAShutOffGuestsDefinition() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-off");
        String uuid = guestOnA(name, false);
        HostConnection a = hostA();
        HostConnection b = hostB();

        MigrationResult result = await(new Migrator().start(new MigrationRequest(uuid, a, b,
                MigrationOptions.defaults(MigrationMode.OFFLINE)), p -> { }));

        assertEquals(MigrationMode.OFFLINE, result.mode());
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF, stateOn(directB, name));
        assertTrue(!existsOn(directA, name), "undefined on A");
        VmInfo onB = b.snapshot().vms().stream().filter(v -> v.uuid().equals(uuid)).findFirst()
                .orElseThrow(() -> new AssertionError("B does not list " + name));
        assertTrue(onB.persistent());
    }

    @Test
    void aGuestWithTheSameNameOnBStopsTheMigrationBeforeAnythingMoves() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-dup");
        String uuid = guestOnA(name, true);
        guestsOnB.define(directB, name).free(); // same name, another UUID
        HostConnection a = hostA();
        HostConnection b = hostB();

        Throwable failure = failureOf(new Migrator().start(new MigrationRequest(uuid, a, b, live()), p -> { }));

        PrecheckFailedException refused = assertInstanceOf(PrecheckFailedException.class, failure);
        assertEquals(List.of(PrecheckProblem.Kind.NAME_TAKEN), refused.problems().stream().map(PrecheckProblem::kind).toList());
        assertTrue(refused.getMessage().contains("already has a VM named '" + name + "'"), refused.getMessage());
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, stateOn(directA, name), "still running on A");
    }

    @Test
    void notEnoughFreeMemoryOnBIsReportedWithBothFigures() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-mem");
        String uuid = guestOnA(name, true);
        HostConnection a = hostA();
        HostConnection b = hostB();
        long sixtyFourMiB = 64L * 1024 * 1024; // less than the guest's 128 MiB

        List<PrecheckProblem> problems = new Prechecks(conn -> sixtyFourMiB).run(new MigrationRequest(uuid, a, b, live()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(PrecheckProblem.Kind.NOT_ENOUGH_MEMORY), problems.stream().map(PrecheckProblem::kind).toList());
        assertTrue(problems.get(0).message().contains("needs 128 MiB") && problems.get(0).message().contains("64 MiB free"),
                problems.get(0).message());
        assertEquals(List.of(), new Prechecks().run(new MigrationRequest(uuid, a, b, live()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS), "B's real free memory is enough");
    }

    @Test
    void sameHostIsRefused() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-same");
        String uuid = guestOnA(name, true);
        HostConnection a = hostA();
        HostConnection a2 = connect(bed.hostA().unixUri(), HostConnection.Opener.direct()); // another entry, same host

        List<PrecheckProblem> problems = new Prechecks().run(new MigrationRequest(uuid, a, a2, live()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(PrecheckProblem.Kind.SAME_HOST), problems.stream().map(PrecheckProblem::kind).toList());
    }

    @Test
    void cancelAbortsABandwidthLimitedMigrationAndTheGuestKeepsRunningOnA() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-cancel");
        String uuid = guestOnA(name, true);
        HostConnection a = hostA();
        HostConnection b = hostB();
        List<MigrationProgress> samples = new CopyOnWriteArrayList<>();

        MigrationJob job = new Migrator(new Prechecks(), Duration.ofMillis(200))
                .start(new MigrationRequest(uuid, a, b, live().withBandwidth(1)), samples::add);
        Await.until(WAIT, () -> samples.stream().anyMatch(p -> p.dataProcessed() > 0) || job.result().isDone(),
                () -> samples.toString());
        assertTrue(!job.result().isDone(), "still running at 1 MiB/s when the first figures arrived: "
                + job.result());
        MigrationProgress first = samples.stream().filter(p -> p.dataProcessed() > 0).findFirst().orElseThrow();
        job.cancel().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Throwable failure = failureOf(job);
        assertInstanceOf(MigrationCancelledException.class, failure, String.valueOf(failure));
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, stateOn(directA, name), "still running on A");
        assertTrue(!existsOn(directB, name), "nothing left on B");
        System.out.printf("[migration] cancel: first sample %s processed=%d remaining=%d total=%d dirty=%d/s%n",
                first.elapsed(), first.dataProcessed(), first.dataRemaining(), first.dataTotal(), first.memoryDirtyRate());
    }

    @Test
    void copyStorageCreatesTheVolumeOnBAndCopiesTheDisk() throws Exception {
        String suffix = TestGuests.uniqueName("p");
        String poolName = PREFIX + "-pool-" + suffix;
        String poolPath = "/var/lib/libvirt/images/" + poolName; // the same path in each host's own /var/lib/libvirt
        String poolXml = "<pool type='dir'><name>" + poolName + "</name><target><path>" + poolPath + "</path></target></pool>";
        String name = TestGuests.uniqueName(PREFIX + "-disk");
        org.libvirt.StoragePool poolA = pool(directA, poolXml);
        org.libvirt.StoragePool poolB = pool(directB, poolXml);
        String uuid = null;
        try {
            org.libvirt.StorageVol vol = poolA.storageVolCreateXML("<volume><name>" + name + ".qcow2</name>"
                    + "<capacity unit='MiB'>16</capacity><target><format type='qcow2'/></target></volume>", 0);
            String path = vol.getPath();
            vol.free();
            String xml = guests.domainXml(name).replace("</devices>", "<disk type='file' device='disk'>"
                    + "<driver name='qemu' type='qcow2'/><source file='" + path + "'/><target dev='vda' bus='virtio'/>"
                    + "</disk></devices>");
            Domain d = directA.domainDefineXML(xml);
            d.create();
            uuid = d.getUUIDString();
            d.free();
            HostConnection a = hostA();
            HostConnection b = hostB();
            MigrationOptions shared = live();
            List<PrecheckProblem> problems = new Prechecks().run(new MigrationRequest(uuid, a, b, shared))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(List.of(PrecheckProblem.Kind.DISKS_MISSING), problems.stream().map(PrecheckProblem::kind).toList(),
                    "without copy-storage the missing disk is reported");
            MigrationOptions copy = new MigrationOptions(MigrationMode.LIVE, true, true, true, MigrationTransport.DIRECT,
                    shared.migrationUri(), shared.listenAddress(), 0, 0, false, false);

            long t0 = System.nanoTime();
            await(new Migrator().start(new MigrationRequest(uuid, a, b, copy), p -> { }));
            long millis = (System.nanoTime() - t0) / 1_000_000;

            assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, stateOn(directB, name));
            assertTrue(!existsOn(directA, name), "undefined on A");
            org.libvirt.StorageVol onB = directB.storageVolLookupByPath(path);
            org.libvirt.StorageVolInfo info = onB.getInfo();
            assertEquals(16L * 1024 * 1024, info.capacity, "same size on B");
            assertTrue(onB.getXMLDesc(0).contains("qcow2"), "same format on B");
            onB.free();
            System.out.printf("[migration] copy-storage live A->B with a 16 MiB qcow2 disk: %d ms%n", millis);
        } finally {
            for (Connect c : List.of(directA, directB)) {
                if (existsOn(c, name)) {
                    Domain d = c.domainLookupByName(name);
                    if (d.isActive() == 1) {
                        d.destroy();
                    }
                    if (d.isPersistent() == 1) {
                        d.undefine();
                    }
                    d.free();
                }
            }
            for (org.libvirt.StoragePool pool : List.of(poolA, poolB)) {
                pool.refresh(0);
                for (String v : pool.listVolumes()) {
                    org.libvirt.StorageVol vol = pool.storageVolLookupByName(v);
                    vol.delete(0);
                    vol.free();
                }
                pool.destroy();
                pool.delete(0); // its folder; a persistent pool can be deleted once inactive
                pool.undefine();
                pool.free();
            }
        }
    }

    /**
     * Host B's daemon lost mid-migration, as the client sees it: B is reached through a relay in front of its
     * socket, and the relay is cut while a bandwidth-limited migration runs. The migration fails with a clear
     * error and the guest keeps running on A; B keeps nothing of it.
     */
    @Test
    void destinationLostMidMigrationLeavesTheGuestRunningOnA() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-lost");
        String uuid = guestOnA(name, true);
        try (org.vireo.connections.support.UnixSocketRelay relay = new org.vireo.connections.support.UnixSocketRelay(
                dir.resolve("b.sock"), bed.hostB().socket())) {
            HostConnection a = hostA();
            HostConnection b = connect("qemu+unix:///system?socket=" + relay.path(), HostConnection.Opener.direct());
            List<MigrationProgress> samples = new CopyOnWriteArrayList<>();
            MigrationJob job = new Migrator(new Prechecks(), Duration.ofMillis(200))
                    .start(new MigrationRequest(uuid, a, b, live().withBandwidth(1)), samples::add);
            Await.until(WAIT, () -> samples.stream().anyMatch(p -> p.dataProcessed() > 0) || job.result().isDone(),
                    samples::toString);
            assertTrue(!job.result().isDone(), "still running when B is lost: " + job.result());

            relay.cut();

            Throwable failure = failureOf(job);
            assertInstanceOf(MigrationException.class, failure);
            assertTrue(!(failure instanceof MigrationCancelledException), failure.toString());
            assertTrue(failure.getMessage().startsWith("Cannot migrate '" + name + "'"), failure.getMessage());
            System.out.println("[migration] destination lost: " + failure.getMessage());
        }
        Await.until(WAIT, () -> {
            try {
                return stateOn(directA, name) == DomainInfo.DomainState.VIR_DOMAIN_RUNNING && !existsOn(directB, name);
            } catch (LibvirtException e) {
                return false;
            }
        }, () -> "guest on A/B after the loss");
    }

    /** A slow (1 MiB/s) migration switched to post-copy through JNA finishes with the guest running on B. */
    @Test
    void postCopySwitchFinishesASlowMigration() throws Exception {
        String name = TestGuests.uniqueName(PREFIX + "-post");
        String uuid = guestOnA(name, true);
        HostConnection a = hostA();
        HostConnection b = hostB();
        List<MigrationProgress> samples = new CopyOnWriteArrayList<>();
        MigrationOptions postCopy = new MigrationOptions(MigrationMode.LIVE, true, true, false, MigrationTransport.DIRECT,
                "tcp://127.0.0.1", "127.0.0.1", 1, 0, false, true);

        MigrationJob job = new Migrator(new Prechecks(), Duration.ofMillis(200))
                .start(new MigrationRequest(uuid, a, b, postCopy), samples::add);
        Await.until(WAIT, () -> samples.stream().anyMatch(p -> p.dataProcessed() > 0) || job.result().isDone(),
                samples::toString);
        assertTrue(!job.result().isDone(), "still running at 1 MiB/s: " + job.result());
        job.setMaxSpeed(1).get(WAIT.toSeconds(), TimeUnit.SECONDS); // virDomainMigrateSetMaxSpeed through JNA
        long t0 = System.nanoTime();
        job.startPostCopy().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await(job);

        assertRunsOnBOnly(name, uuid, a, b);
        System.out.printf("[migration] post-copy switch to done: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** A persistent directory pool, built and started (persistent so that its folder can be removed afterwards). */
    private static org.libvirt.StoragePool pool(Connect conn, String xml) throws LibvirtException {
        org.libvirt.StoragePool pool = conn.storagePoolDefineXML(xml, 0);
        pool.build(0);
        pool.create(0);
        return pool;
    }
}
