package org.vireo.connections.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.domain.DiskInfo;
import org.vireo.connections.domain.DomainDescription;
import org.vireo.connections.domain.HardwareEdit;
import org.vireo.connections.domain.SnapshotInfo;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/** Each VM operation on libvirt's test driver, loaded with the demo host (web1/web2 running, builders off). */
class VmOperationsTest {
    private static final String IMAGES = "/var/lib/libvirt/images/";
    private static final Messages FRENCH = new Messages(Locale.FRENCH);

    @TempDir
    Path cache;

    private HostConnection host;
    private VmOperations ops;

    @BeforeEach
    void connect() throws Exception {
        host = new HostConnection(new ConnectionEntry("demo", DemoHost.uri(cache), "demo-a", null, false, false, null),
                HostConnection.Opener.direct(), Duration.ofSeconds(60));
        await(host.connect());
        ops = new VmOperations(host);
    }

    @AfterEach
    void close() throws Exception {
        host.closeAsync().get(10, TimeUnit.SECONDS);
    }

    @Test
    void managedSaveStopsTheGuestAndStartRestoresIt() throws Exception {
        String web1 = uuid("web1");
        await(ops.managedSave(web1));
        assertEquals(VmState.SHUTOFF, vm("web1").state());
        assertTrue(hasManagedSave(web1), "a managed-save image exists");
        await(ops.restore(web1));
        assertEquals(VmState.RUNNING, vm("web1").state());
        assertFalse(hasManagedSave(web1));
    }

    @Test
    void resetKeepsARunningGuestRunning() throws Exception {
        await(ops.reset(uuid("web2")));
        assertEquals(VmState.RUNNING, vm("web2").state());
    }

    @Test
    void autostartTurnsOnAndOff() throws Exception {
        await(ops.setAutostart(uuid("builder1"), true));
        assertTrue(vm("builder1").autostart());
        await(ops.setAutostart(uuid("builder1"), false));
        assertFalse(vm("builder1").autostart());
    }

    @Test
    void renameKeepsTheUuidAndRefusesARunningVm() throws Exception {
        String uuid = uuid("builder1");
        await(ops.rename(uuid, "builder-one"));
        assertEquals("builder-one", vm("builder-one").name());
        assertEquals(uuid, vm("builder-one").uuid());

        HostOperationException e = failure(ops.rename(uuid("web1"), "web-one"));
        assertEquals("Cannot rename 'web1' on demo-a: it must be shut off first", e.getMessage());
        assertEquals("web1", vm("web1").name());
    }

    @Test
    void deleteRemovesTheVmAndOnlyTheChosenVolumes() throws Exception {
        String uuid = uuid("builder2");
        List<DiskInfo> disks = await(ops.disks(uuid));
        assertEquals(List.of(IMAGES + "builder2.qcow2"), disks.stream().map(DiskInfo::sourcePath).toList());
        await(ops.delete(uuid, List.of(IMAGES + "builder2.qcow2")));
        assertNull(vmOrNull("builder2"));
        assertFalse(volumes().contains("builder2.qcow2"), volumes().toString());
        assertTrue(volumes().contains("builder1.qcow2"));
    }

    @Test
    void deletingARunningVmForcesItOffFirstAndKeepsUnchosenVolumes() throws Exception {
        await(ops.delete(uuid("web2"), List.of()));
        assertNull(vmOrNull("web2"));
        assertTrue(volumes().contains("web2.qcow2"), "a volume not chosen stays");
    }

    @Test
    void deletingAMissingVolumeSaysWhichAfterTheVmIsGone() throws Exception {
        HostOperationException e = failure(ops.delete(uuid("builder2"), List.of("/nowhere/x.img")));
        assertTrue(e.getMessage().startsWith("Cannot delete the storage of 'builder2' on demo-a: the VM was deleted but not /nowhere/x.img"),
                e.getMessage());
        assertNull(vmOrNull("builder2"));
    }

    @Test
    void cloneCopiesTheDiskAndGetsNewIdentity() throws Exception {
        String source = uuid("builder1");
        String cloneUuid = await(ops.cloneVm(source, "builder3"));
        VmInfo clone = vm("builder3");
        assertEquals(cloneUuid, clone.uuid());
        assertNotEquals(source, clone.uuid());
        assertEquals(VmState.SHUTOFF, clone.state());
        assertTrue(volumes().contains("builder3.qcow2"), volumes().toString());
        DomainDescription copy = DomainDescription.parse(await(ops.inactiveXml(cloneUuid)));
        DomainDescription original = DomainDescription.parse(await(ops.inactiveXml(source)));
        assertEquals(IMAGES + "builder3.qcow2", copy.disks().get(0).sourcePath());
        assertEquals(1, copy.macs().size());
        assertNotEquals(original.macs(), copy.macs(), "libvirt gave the clone its own MAC");
        assertEquals(original.memoryKiB(), copy.memoryKiB());
    }

    @Test
    void cloneOfARunningVmIsRefused() throws Exception {
        HostOperationException e = failure(ops.cloneVm(uuid("web1"), "web9"));
        assertEquals("Cannot clone 'web1' on demo-a: it must be shut off first", e.getMessage());
        assertFalse(volumes().contains("web9.qcow2"));
    }

    @Test
    void aFailedCloneRemovesTheVolumesItCopied() throws Exception {
        String uuid = uuid("builder1");
        // A second disk outside any pool cannot be copied: the first copy must not stay behind.
        String xml = await(ops.inactiveXml(uuid)).replace("</devices>",
                "<disk type='file' device='disk'><source file='/elsewhere/data.img'/><target dev='vdb' bus='virtio'/></disk></devices>");
        await(ops.defineXml(uuid, xml));
        assertSays("Cannot clone 'builder1' on demo-a: disk vdb (/elsewhere/data.img) is not a volume of a storage pool "
                        + "libvirt knows, so it cannot be copied",
                "Impossible de cloner \u00ab\u00a0builder1\u00a0\u00bb sur demo-a\u00a0: le disque vdb (/elsewhere/data.img) "
                        + "n\u2019est pas un volume d\u2019un pool de stockage connu de libvirt, il ne peut donc pas \u00eatre copi\u00e9",
                failure(ops.cloneVm(uuid, "builder4")));
        assertFalse(volumes().contains("builder4.qcow2"), volumes().toString());
        assertNull(vmOrNull("builder4"));
    }

    @Test
    void snapshotsFormATreeAndCanBeRevertedAndDeleted() throws Exception {
        String uuid = uuid("builder1");
        await(ops.createSnapshot(uuid, "base", "fresh install", false));
        await(ops.createSnapshot(uuid, "updated", null, false));
        Map<String, SnapshotInfo> snaps = byName(await(ops.snapshots(uuid)));
        assertNull(snaps.get("base").parent());
        assertEquals("fresh install", snaps.get("base").description());
        assertEquals("base", snaps.get("updated").parent());
        assertTrue(snaps.get("updated").current());

        await(ops.revertSnapshot(uuid, "base"));
        assertTrue(byName(await(ops.snapshots(uuid))).get("base").current());

        await(ops.deleteSnapshot(uuid, "base"));
        snaps = byName(await(ops.snapshots(uuid)));
        assertEquals(List.of("updated"), List.copyOf(snaps.keySet()));
        assertNull(snaps.get("updated").parent(), "the child moved up to the deleted snapshot's parent");
    }

    @Test
    void aSnapshotOfARunningVmWithMemoryRecordsTheRunningState() throws Exception {
        String uuid = uuid("web1");
        await(ops.createSnapshot(uuid, "live", "", true));
        SnapshotInfo live = await(ops.snapshots(uuid)).get(0);
        assertTrue(live.hasMemory(), live.toString());
        await(host.forceOff(uuid));
        await(ops.revertSnapshot(uuid, "live"));
        assertEquals(VmState.RUNNING, vm("web1").state(), "reverting to a memory snapshot resumes the guest");
    }

    @Test
    void aMemoryEditChangesOnlyMemoryAndIsDefined() throws Exception {
        String uuid = uuid("builder1");
        List<String> changes = await(ops.applyEdit(uuid, new HardwareEdit(2L * 1024 * 1024, null, null, null)));
        assertEquals(4, changes.size(), changes.toString());
        assertTrue(changes.stream().allMatch(l -> l.contains("emory")), changes.toString());
        assertEquals(2L * 1024 * 1024, vm("builder1").maxMemoryKiB());
        assertEquals(2L * 1024 * 1024, DomainDescription.parse(await(ops.inactiveXml(uuid))).memoryKiB());
        assertEquals(List.of(), await(ops.applyEdit(uuid, new HardwareEdit(2L * 1024 * 1024, null, null, null))),
                "the same value again changes nothing");
    }

    @Test
    void vcpuBootAndDescriptionEditsArrive() throws Exception {
        String uuid = uuid("builder2");
        await(ops.applyEdit(uuid, new HardwareEdit(null, 3, List.of("cdrom", "hd"), "CI builder")));
        DomainDescription d = DomainDescription.parse(await(ops.inactiveXml(uuid)));
        assertEquals(3, d.vcpus());
        assertEquals(List.of("cdrom", "hd"), d.bootDevices());
        assertEquals("CI builder", d.description());
    }

    @Test
    void rawXmlIsValidatedByLibvirtAndMustKeepTheUuid() throws Exception {
        String uuid = uuid("builder1");
        String xml = await(ops.inactiveXml(uuid));
        HostOperationException invalid = failure(ops.defineXml(uuid, xml.replace("</devices>", "<bogus/></devices>")));
        assertTrue(invalid.getMessage().startsWith("Cannot apply the configuration of 'builder1' on demo-a: "),
                invalid.getMessage());
        HostOperationException otherUuid = failure(ops.defineXml(uuid, xml.replace(uuid, "11111111-2222-3333-4444-555555555555")));
        assertTrue(otherUuid.getMessage().contains("it must stay " + uuid), otherUuid.getMessage());
        HostOperationException broken = failure(ops.defineXml(uuid, "<domain><name>x</domain>"));
        assertTrue(broken.getMessage().contains("line 1"), broken.getMessage());

        await(ops.defineXml(uuid, xml.replace("</name>", "</name><title>Builder one</title>")));
        assertEquals("Builder one", DomainDescription.parse(await(ops.inactiveXml(uuid))).title());
    }

    @Test
    void detailsOfARunningVmIncludeAddresses() throws Exception {
        VmOperations.VmDetails details = await(ops.details(uuid("web1")));
        assertEquals("web1", details.description().name());
        assertFalse(details.addresses().isEmpty(), "the test driver reports an address for web1's NIC");
    }

    @Test
    void operationsOnTheDefaultTestHostWork() throws Exception {
        try (HostConnection def = new HostConnection(ConnectionEntry.of("test:///default"))) {
            await(def.connect());
            VmOperations defOps = new VmOperations(def);
            String uuid = def.snapshot().vms().get(0).uuid();
            // test:///default is shared by the whole JVM: leave it as found (no rename, no delete).
            await(defOps.createSnapshot(uuid, "s1", "on test:///default", true));
            assertEquals("s1", await(defOps.snapshots(uuid)).get(0).name());
            await(defOps.deleteSnapshot(uuid, "s1"));
            assertEquals(List.of(), await(defOps.snapshots(uuid)));
            await(defOps.managedSave(uuid));
            assertEquals(VmState.SHUTOFF, def.snapshot().vms().get(0).state());
            await(defOps.restore(uuid));
            assertEquals(VmState.RUNNING, def.snapshot().vms().get(0).state());
        }
    }

    // ---- failures in the user's language (English unchanged for the CLI and logs) ----

    @Test
    void aRefusalOfOursIsSaidInEnglishAndFrench() throws Exception {
        assertSays("Cannot rename 'web1' on demo-a: it must be shut off first",
                "Impossible de renommer \u00ab\u00a0web1\u00a0\u00bb sur demo-a\u00a0: elle doit d\u2019abord \u00eatre \u00e9teinte",
                failure(ops.rename(uuid("web1"), "web-one")));
        assertSays("Cannot clone 'web2' on demo-a: it must be shut off first",
                "Impossible de cloner \u00ab\u00a0web2\u00a0\u00bb sur demo-a\u00a0: elle doit d\u2019abord \u00eatre \u00e9teinte",
                failure(ops.cloneVm(uuid("web2"), "web9")));
    }

    @Test
    void libvirtsOwnReasonFollowsTheTranslatedActionUnchanged() throws Exception {
        HostOperationException e = failure(ops.restore(uuid("web1"))); // already running
        String english = "Cannot start 'web1' on demo-a: ";
        assertTrue(e.getMessage().startsWith(english), e.getMessage());
        String libvirts = e.getMessage().substring(english.length());
        assertTrue(libvirts.contains("running"), "libvirt's reason: " + libvirts);
        assertEquals("Impossible de d\u00e9marrer \u00ab\u00a0web1\u00a0\u00bb sur demo-a\u00a0: " + libvirts,
                e.text().in(FRENCH));
    }

    @Test
    void aSnapshotActionNamesTheSnapshotInBothLanguages() throws Exception {
        HostOperationException e = failure(ops.revertSnapshot(uuid("builder1"), "nope"));
        String english = "Cannot revert to snapshot 'nope' of 'builder1' on demo-a: ";
        assertTrue(e.getMessage().startsWith(english), e.getMessage());
        assertEquals("Impossible de revenir \u00e0 l\u2019instantan\u00e9 \u00ab\u00a0nope\u00a0\u00bb de "
                + "\u00ab\u00a0builder1\u00a0\u00bb sur demo-a\u00a0: " + e.getMessage().substring(english.length()),
                e.text().in(FRENCH));
    }

    @Test
    void xmlWithAnotherUuidIsRefusedInEnglishAndFrench() throws Exception {
        String uuid = uuid("builder1");
        String other = "11111111-2222-3333-4444-555555555555";
        String xml = await(ops.inactiveXml(uuid)).replace(uuid, other);
        assertSays("Cannot apply the XML of 'builder1' on demo-a: the XML names UUID " + other + "; it must stay " + uuid,
                "Impossible d\u2019appliquer le XML de \u00ab\u00a0builder1\u00a0\u00bb sur demo-a\u00a0: le XML indique "
                        + "l\u2019UUID " + other + "\u00a0; il doit rester " + uuid,
                failure(ops.defineXml(uuid, xml)));
    }

    @Test
    void storageLeftBehindByADeleteIsSaidInEnglishAndFrench() throws Exception {
        HostOperationException e = failure(ops.delete(uuid("builder2"), List.of("/nowhere/x.img")));
        String english = "Cannot delete the storage of 'builder2' on demo-a: the VM was deleted but not ";
        assertTrue(e.getMessage().startsWith(english + "/nowhere/x.img ("), e.getMessage());
        assertEquals("Impossible de supprimer le stockage de \u00ab\u00a0builder2\u00a0\u00bb sur demo-a\u00a0: la VM a "
                + "\u00e9t\u00e9 supprim\u00e9e, mais pas " + e.getMessage().substring(english.length()), e.text().in(FRENCH));
    }

    private static void assertSays(String english, String french, HostOperationException e) {
        assertEquals(english, e.getMessage());
        assertEquals(english, e.text().english());
        assertEquals(french, e.text().in(FRENCH));
    }

    // ---- helpers ----

    private VmInfo vm(String name) {
        VmInfo vm = vmOrNull(name);
        assertInstanceOf(VmInfo.class, vm, "no VM " + name + " in " + host.snapshot().vms());
        return vm;
    }

    private VmInfo vmOrNull(String name) {
        return host.snapshot().vms().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private String uuid(String name) {
        return vm(name).uuid();
    }

    private boolean hasManagedSave(String uuid) throws Exception {
        Boolean saved = await(host.call(c -> withDomain(c.domainLookupByUUIDString(uuid), d -> d.hasManagedSaveImage() == 1)));
        return saved;
    }

    private List<String> volumes() throws Exception {
        return await(host.call(c -> Arrays.asList(c.storagePoolLookupByName("default").listVolumes())));
    }

    private static Map<String, SnapshotInfo> byName(List<SnapshotInfo> snaps) {
        return snaps.stream().collect(Collectors.toMap(SnapshotInfo::name, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private interface DomainWork<T> {
        T apply(Domain d) throws LibvirtException;
    }

    private static <T> T withDomain(Domain d, DomainWork<T> work) throws LibvirtException {
        try {
            return work.apply(d);
        } finally {
            d.free();
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static HostOperationException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(HostOperationException.class, e.getCause());
    }
}
