package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vireo.connections.domain.DiskInfo;
import org.vireo.connections.domain.DomainDescription;
import org.vireo.connections.domain.HardwareEdit;
import org.vireo.connections.domain.SnapshotInfo;
import org.vireo.connections.domain.Xml;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@link VmOperations} on the test bed's real host A (QEMU/KVM), where {@link VmOperationsTest} only has libvirt's
 * test driver. Guests are diskless, or carry a 16 MiB qcow2 volume of a dir pool this class makes in a temporary
 * folder of the test bed's state folder; everything is removed afterwards, also when an assertion failed.
 */
@Tag("testbed")
class VmOperationsTestbedTest {
    private static final long TIMEOUT_S = 60;
    private static final int UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS = 1 | 2;
    private static final long VOLUME_BYTES = 16L * 1024 * 1024;

    private static Testbed bed;
    private static TestGuests guests;
    private static String prefix;
    private static Connect admin;
    private static Path poolDir;
    private static StoragePool pool;
    private static HostConnection host;
    private static VmOperations ops;

    /** UUIDs of every guest a test made (names change on rename and clone). */
    private final Set<String> made = new LinkedHashSet<>();

    @BeforeAll
    static void setUp() throws Exception {
        bed = Testbed.require();
        guests = new TestGuests(bed);
        prefix = TestGuests.uniqueName("vireo-ops");
        admin = new Connect(bed.hostA().unixUri());
        poolDir = Files.createTempDirectory(bed.stateDir(), "vmops-pool-");
        pool = admin.storagePoolDefineXML(poolXml(prefix + "-pool", poolDir), 0);
        pool.build(0);
        pool.create(0);
        host = new HostConnection(ConnectionEntry.of(bed.hostA().unixUri()), HostConnection.Opener.direct(),
                Duration.ofSeconds(60));
        await(host.connect());
        ops = new VmOperations(host);
    }

    @AfterEach
    void removeGuestsAndVolumes() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> uuids = new LinkedHashSet<>(made);
        for (Domain d : admin.listAllDomains(0)) {
            try {
                if (d.getName().startsWith(prefix)) {
                    uuids.add(d.getUUIDString()); // clones this class made
                }
            } finally {
                d.free();
            }
        }
        for (String uuid : uuids) {
            try {
                Domain d = admin.domainLookupByUUIDString(uuid);
                try {
                    if (d.isActive() == 1) {
                        d.destroy();
                    }
                    d.undefine(UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS);
                } finally {
                    d.free();
                }
            } catch (LibvirtException e) {
                if (e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    failures.add(uuid + ": " + e.getMessage());
                }
            }
        }
        made.clear();
        pool.refresh(0);
        for (String name : pool.listVolumes()) {
            try {
                StorageVol vol = pool.storageVolLookupByName(name);
                try {
                    vol.delete(0);
                } finally {
                    vol.free();
                }
            } catch (LibvirtException e) {
                failures.add("volume " + name + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures, "test guests or volumes left on host A");
    }

    @AfterAll
    static void removePool() throws Exception {
        try {
            if (host != null) {
                host.closeAsync().get(10, TimeUnit.SECONDS);
            }
        } finally {
            try {
                if (pool != null) {
                    pool.destroy();
                    pool.delete(0); // removes the (now empty) folder
                    pool.undefine();
                    pool.free();
                }
            } finally {
                if (poolDir != null) {
                    Files.deleteIfExists(poolDir);
                }
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }

    @Test
    void managedSaveStopsARunningGuestAndStartRestoresIt() throws Exception {
        String uuid = running(diskless("save"));
        await(ops.managedSave(uuid));
        assertEquals(VmState.SHUTOFF, vm(uuid).state());
        assertTrue(hasManagedSave(uuid), "the host keeps a managed-save image");

        await(ops.restore(uuid));
        assertEquals(VmState.RUNNING, vm(uuid).state());
        assertFalse(hasManagedSave(uuid), "starting restored from the image and consumed it");
    }

    @Test
    void resetKeepsARunningGuestRunningInTheSameProcess() throws Exception {
        String uuid = running(diskless("reset"));
        int idBefore = domainId(uuid);
        await(ops.reset(uuid));
        assertEquals(VmState.RUNNING, vm(uuid).state());
        assertEquals(idBefore, domainId(uuid), "a reset is not a restart of QEMU");
    }

    @Test
    void renameOfAShutOffGuestKeepsItsUuid() throws Exception {
        String uuid = diskless("ren");
        String newName = prefix + "-renamed";
        await(ops.rename(uuid, newName));
        assertEquals(newName, vm(uuid).name());
        assertEquals(uuid, lookupUuidByName(newName), "the host knows the guest by its new name");
    }

    @Test
    void memoryEditChangesOnlyTheMemoryLinesOfTheInactiveXml() throws Exception {
        String uuid = diskless("mem");
        String before = await(ops.inactiveXml(uuid));
        List<String> changes = await(ops.applyEdit(uuid, new HardwareEdit(192L * 1024, null, null, null)));
        assertEquals(4, changes.size(), changes.toString());
        assertTrue(changes.stream().allMatch(l -> l.contains("emory")), changes.toString());

        String after = await(ops.inactiveXml(uuid));
        assertEquals(withoutMemoryLines(before), withoutMemoryLines(after), "nothing but memory changed");
        assertEquals(192L * 1024, DomainDescription.parse(after).memoryKiB());
        assertEquals(192L * 1024, vm(uuid).maxMemoryKiB());
    }

    @Test
    void snapshotsOfARunningGuestWithMemoryFormATreeAndRevert() throws Exception {
        String uuid = running(withDisk("snap"));
        await(ops.createSnapshot(uuid, "live", "with memory", true));
        await(ops.createSnapshot(uuid, "later", null, true));
        Map<String, SnapshotInfo> snaps = byName(await(ops.snapshots(uuid)));
        assertEquals(Set.of("live", "later"), snaps.keySet());
        assertTrue(snaps.get("live").hasMemory(), snaps.get("live").toString());
        assertEquals("with memory", snaps.get("live").description());
        assertNull(snaps.get("live").parent());
        assertEquals("live", snaps.get("later").parent());
        assertTrue(snaps.get("later").current());

        await(host.forceOff(uuid));
        await(ops.revertSnapshot(uuid, "live"));
        assertEquals(VmState.RUNNING, vm(uuid).state(), "reverting to a memory snapshot resumes the guest");
        assertTrue(byName(await(ops.snapshots(uuid))).get("live").current());

        await(ops.deleteSnapshot(uuid, "live"));
        snaps = byName(await(ops.snapshots(uuid)));
        assertEquals(Set.of("later"), snaps.keySet());
        assertNull(snaps.get("later").parent(), "the child moved up to the deleted snapshot's parent");
        assertEquals(List.of("later"), hostSnapshotNames(uuid));
        await(ops.deleteSnapshot(uuid, "later"));
        assertEquals(List.of(), hostSnapshotNames(uuid));
    }

    @Test
    void snapshotOfAShutOffGuestHasNoMemory() throws Exception {
        String uuid = withDisk("cold");
        await(ops.createSnapshot(uuid, "cold", "", false));
        SnapshotInfo cold = await(ops.snapshots(uuid)).get(0);
        assertEquals("shutoff", cold.state());
        assertFalse(cold.hasMemory());
        await(ops.revertSnapshot(uuid, "cold"));
        assertEquals(VmState.SHUTOFF, vm(uuid).state());
        await(ops.deleteSnapshot(uuid, "cold"));
        assertEquals(List.of(), hostSnapshotNames(uuid));
    }

    @Test
    void cloneCopiesTheVolumeAndDeletingTheCloneWithItsVolumeLeavesTheOriginal() throws Exception {
        String source = withDisk("src");
        String cloneName = prefix + "-copy";
        String cloneUuid = await(ops.cloneVm(source, cloneName));
        made.add(cloneUuid);

        VmInfo clone = vm(cloneUuid);
        assertEquals(cloneName, clone.name());
        assertNotEquals(source, cloneUuid);
        assertEquals(VmState.SHUTOFF, clone.state());
        DomainDescription original = DomainDescription.parse(await(ops.inactiveXml(source)));
        DomainDescription copy = DomainDescription.parse(await(ops.inactiveXml(cloneUuid)));
        assertEquals(1, copy.macs().size());
        assertNotEquals(original.macs(), copy.macs(), "the clone has its own MAC");
        String originalDisk = original.disks().get(0).sourcePath();
        String copyDisk = copy.disks().get(0).sourcePath();
        assertNotEquals(originalDisk, copyDisk);
        assertEquals(poolDir.toString(), Path.of(copyDisk).getParent().toString(), "the copy is in the same pool");
        assertEquals(Set.of(name(originalDisk), name(copyDisk)), Set.copyOf(volumes()));
        assertEquals(VOLUME_BYTES, capacity(copyDisk));

        List<String> cloneDisks = await(ops.disks(cloneUuid)).stream().map(DiskInfo::sourcePath).toList();
        await(ops.delete(cloneUuid, cloneDisks));
        assertNull(vmOrNull(cloneUuid));
        assertEquals(List.of(name(originalDisk)), volumes(), "only the clone's volume was deleted");
        assertFalse(Files.exists(Path.of(copyDisk)));
        assertTrue(Files.exists(Path.of(originalDisk)));
        assertEquals(VmState.SHUTOFF, vm(source).state(), "the original stays");
    }

    // ---- guests, volumes and the pool ----

    private String diskless(String role) throws LibvirtException {
        Domain d = admin.domainDefineXML(guests.domainXml(prefix + "-" + role));
        return remember(d);
    }

    /** A guest with one qcow2 volume of the pool as vda and a NIC (so a clone has a MAC to change). */
    private String withDisk(String role) throws Exception {
        String name = prefix + "-" + role;
        StorageVol vol = pool.storageVolCreateXML(volumeXml(name + ".qcow2"), 0);
        String path;
        try {
            path = vol.getPath();
        } finally {
            vol.free();
        }
        Document doc = Xml.parse(guests.domainXml(name));
        Element devices = Xml.child(doc.getDocumentElement(), "devices").orElseThrow();
        Element disk = append(devices, "disk");
        disk.setAttribute("type", "file");
        disk.setAttribute("device", "disk");
        Element driver = append(disk, "driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", "qcow2");
        append(disk, "source").setAttribute("file", path);
        Element target = append(disk, "target");
        target.setAttribute("dev", "vda");
        target.setAttribute("bus", "virtio");
        Element nic = append(devices, "interface");
        nic.setAttribute("type", "user");
        append(nic, "model").setAttribute("type", "virtio");
        return remember(admin.domainDefineXML(Xml.serialize(doc)));
    }

    private String remember(Domain d) throws LibvirtException {
        try {
            String uuid = d.getUUIDString();
            made.add(uuid);
            await(host.refresh());
            return uuid;
        } catch (Exception e) {
            throw new IllegalStateException("the new guest did not appear: " + e.getMessage(), e);
        } finally {
            d.free();
        }
    }

    private String running(String uuid) throws Exception {
        await(host.start(uuid));
        assertEquals(VmState.RUNNING, vm(uuid).state());
        return uuid;
    }

    private static String poolXml(String name, Path dir) throws Exception {
        Document doc = Xml.parse("<pool type='dir'/>");
        Element root = doc.getDocumentElement();
        append(root, "name").setTextContent(name);
        append(append(root, "target"), "path").setTextContent(dir.toString());
        return Xml.serialize(doc);
    }

    private static String volumeXml(String name) throws Exception {
        Document doc = Xml.parse("<volume/>");
        Element root = doc.getDocumentElement();
        append(root, "name").setTextContent(name);
        Element capacity = append(root, "capacity");
        capacity.setAttribute("unit", "bytes");
        capacity.setTextContent(Long.toString(VOLUME_BYTES));
        append(append(root, "target"), "format").setAttribute("type", "qcow2");
        return Xml.serialize(doc);
    }

    private static Element append(Element parent, String tag) {
        Element child = parent.getOwnerDocument().createElement(tag);
        parent.appendChild(child);
        return child;
    }

    // ---- what the user sees ----

    private static VmInfo vm(String uuid) {
        VmInfo vm = vmOrNull(uuid);
        assertInstanceOf(VmInfo.class, vm, "no VM " + uuid + " in " + host.snapshot().vms());
        return vm;
    }

    private static VmInfo vmOrNull(String uuid) {
        return host.snapshot().vms().stream().filter(v -> v.uuid().equals(uuid)).findFirst().orElse(null);
    }

    private static boolean hasManagedSave(String uuid) throws LibvirtException {
        Domain d = admin.domainLookupByUUIDString(uuid);
        try {
            return d.hasManagedSaveImage() == 1;
        } finally {
            d.free();
        }
    }

    private static int domainId(String uuid) throws LibvirtException {
        Domain d = admin.domainLookupByUUIDString(uuid);
        try {
            return d.getID();
        } finally {
            d.free();
        }
    }

    private static String lookupUuidByName(String name) throws LibvirtException {
        Domain d = admin.domainLookupByName(name);
        try {
            return d.getUUIDString();
        } finally {
            d.free();
        }
    }

    private static List<String> hostSnapshotNames(String uuid) throws LibvirtException {
        Domain d = admin.domainLookupByUUIDString(uuid);
        try {
            return Arrays.asList(d.snapshotListNames());
        } finally {
            d.free();
        }
    }

    private static List<String> volumes() throws LibvirtException {
        pool.refresh(0);
        return Arrays.stream(pool.listVolumes()).sorted().toList();
    }

    private static long capacity(String path) throws LibvirtException {
        StorageVol vol = admin.storageVolLookupByPath(path);
        try {
            return vol.getInfo().capacity;
        } finally {
            vol.free();
        }
    }

    private static String name(String path) {
        return Path.of(path).getFileName().toString();
    }

    private static String withoutMemoryLines(String xml) {
        return Arrays.stream(xml.split("\n")).filter(l -> !l.contains("emory")).map(String::strip)
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, SnapshotInfo> byName(List<SnapshotInfo> snaps) {
        return snaps.stream().collect(Collectors.toMap(SnapshotInfo::name, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
