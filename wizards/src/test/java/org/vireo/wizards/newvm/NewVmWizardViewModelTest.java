package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.host.VirtType;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.wizards.newvm.NewVmWizardViewModel.Page;

/** The wizard's ViewModel against libvirt's test driver (a host with pool, network and domain 'test'), no stage. */
class NewVmWizardViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Fleet fleet;
    private HostConnection host;
    private final UiQueue ui = new UiQueue();
    private final List<NewVmJob.Created> created = new ArrayList<>();
    private NewVmWizardViewModel vm;

    @BeforeEach
    void connect() throws Exception {
        fleet = new Fleet();
        // A private test-driver host: the file URI gives each test its own state.
        host = fleet.add(ConnectionEntry.of("test:///default"));
        host.connect().get(10, TimeUnit.SECONDS);
        vm = new NewVmWizardViewModel(new FleetHosts(fleet), OsCatalogue.bundled(), ui, created::add);
        ui.runUntil(() -> vm.factsProperty().get() != null, WAIT, "the host's facts");
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void choicesComeFromTheHost() {
        assertEquals(List.of(VirtType.TEST), vm.virtTypes());
        assertEquals(List.of("default-pool"), vm.pools());
        assertEquals("default-pool", vm.poolProperty().get());
        assertEquals(new NetworkChoice.VirtualNetwork("default"), vm.networkProperty().get());
        assertEquals(List.of(Firmware.BIOS), vm.firmwares(), "no domain capabilities: no UEFI offered");
        assertTrue(vm.hostResourcesProperty().get().contains("16 CPUs"), vm.hostResourcesProperty().get());
    }

    @Test
    void sourcePageRefusesBadAndTakenNamesAndMissingSource() {
        assertEquals("Enter a name for the VM.", vm.pageErrorProperty().get());
        vm.nameProperty().set("test");
        assertEquals("A VM named 'test' already exists on this host.", vm.pageErrorProperty().get());
        vm.nameProperty().set("a/b");
        assertTrue(vm.pageErrorProperty().get().startsWith("The name 'a/b' may only contain"));
        vm.nameProperty().set("12345");
        assertTrue(vm.pageErrorProperty().get().startsWith("The name cannot be only digits"));
        vm.nameProperty().set("web1");
        assertTrue(vm.pageErrorProperty().get().startsWith("Choose the install media"));
        assertFalse(vm.canGoNextProperty().get());
        vm.isoPathProperty().set("/srv/iso/debian-12.5.0-amd64-netinst.iso");
        assertEquals("", vm.pageErrorProperty().get());
        assertTrue(vm.canGoNextProperty().get());
    }

    @Test
    void isoNameSetsOsAndItsDefaults() {
        vm.isoPathProperty().set("/srv/iso/debian-12.5.0-amd64-netinst.iso");
        assertEquals("debian12", vm.osProperty().get().id());
        assertEquals(2048, vm.memoryMiBProperty().get());
        assertEquals(20, vm.diskGiBProperty().get());
        assertTrue(vm.osGuessProperty().get().contains("Debian 12"));
    }

    @Test
    void memoryBeyondFreeAndDiskBeyondPoolAreRefused() {
        vm.nameProperty().set("big");
        vm.sourceKindProperty().set(InstallSource.Kind.PXE);
        vm.next();
        vm.next();
        assertEquals(Page.MEMORY_CPU, vm.pageProperty().get());
        long freeMiB = vm.factsProperty().get().freeMemoryKiB() / 1024;
        vm.memoryMiBProperty().set((int) Math.min(Integer.MAX_VALUE, freeMiB + 1));
        assertTrue(vm.pageErrorProperty().get().contains("more than the " + freeMiB + " MiB the host has free"),
                vm.pageErrorProperty().get());
        vm.memoryMiBProperty().set(512);
        vm.vcpusProperty().set(17);
        assertEquals("17 vCPUs are more than the host's 16 CPUs.", vm.pageErrorProperty().get());
        vm.vcpusProperty().set(1);
        vm.next();
        assertEquals(Page.STORAGE, vm.pageProperty().get());
        vm.diskGiBProperty().set(1_000_000);
        assertTrue(vm.pageErrorProperty().get().startsWith("1000000 GiB is more than the"), vm.pageErrorProperty().get());
    }

    @Test
    void importSkipsTheStoragePage() {
        vm.nameProperty().set("imp");
        vm.sourceKindProperty().set(InstallSource.Kind.IMPORT);
        vm.importPathProperty().set("/var/lib/libvirt/images/old.qcow2");
        vm.next();
        vm.next();
        vm.next();
        assertEquals(Page.REVIEW, vm.pageProperty().get());
        vm.back();
        assertEquals(Page.MEMORY_CPU, vm.pageProperty().get());
    }

    @Test
    void finishCreatesTheVolumeDefinesAndStartsTheVm() throws Exception {
        String name = "wiz-" + UUID.randomUUID().toString().substring(0, 8);
        vm.nameProperty().set(name);
        vm.sourceKindProperty().set(InstallSource.Kind.PXE);
        for (int i = 0; i < 4; i++) {
            vm.next();
        }
        assertEquals(Page.REVIEW, vm.pageProperty().get());
        assertEquals("", vm.pageErrorProperty().get());
        assertTrue(vm.canFinishProperty().get());
        vm.finish();
        ui.runUntil(() -> !created.isEmpty() || !vm.jobErrorProperty().get().isEmpty(), WAIT, "the job");
        assertEquals("", vm.jobErrorProperty().get());
        NewVmJob.Created done = created.get(0);
        assertTrue(done.started());
        String state = host.call(c -> c.domainLookupByName(name).getInfo().state.name()).get(5, TimeUnit.SECONDS);
        assertEquals("VIR_DOMAIN_RUNNING", state);
        String volume = host.call(c -> c.storagePoolLookupByName("default-pool")
                .storageVolLookupByName(name + ".qcow2").getName()).get(5, TimeUnit.SECONDS);
        assertNotNull(volume);
    }

    @Test
    void leastLoadedNeedsTwoHostsAndShowsWhy() throws Exception {
        HostConnection second = fleet.add(ConnectionEntry.of("test:///default?second"));
        second.connect().get(10, TimeUnit.SECONDS);
        vm.refreshHosts();
        assertEquals(vm.leastLoaded(), vm.hostChoices().get(0));
        vm.hostChoiceProperty().set(vm.leastLoaded());
        ui.runUntil(() -> vm.factsProperty().get() != null, WAIT, "placement");
        assertTrue(vm.placementReasonProperty().get().startsWith("Chosen: "), vm.placementReasonProperty().get());
        assertTrue(vm.placementReasonProperty().get().contains("best of 2 hosts"));
    }
}
