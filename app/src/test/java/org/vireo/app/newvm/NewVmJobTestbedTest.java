package org.vireo.app.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.HostFactsReader;
import org.vireo.connections.host.VirtType;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.wizards.newvm.CancelToken;
import org.vireo.wizards.newvm.DomainXml;
import org.vireo.wizards.newvm.FleetHosts;
import org.vireo.wizards.newvm.HostLoad;
import org.vireo.wizards.newvm.InstallSource;
import org.vireo.wizards.newvm.NetworkChoice;
import org.vireo.wizards.newvm.NewVmException;
import org.vireo.wizards.newvm.NewVmJob;
import org.vireo.wizards.newvm.OsCatalogue;
import org.vireo.wizards.newvm.OsVariant;
import org.vireo.wizards.newvm.Placement;
import org.vireo.wizards.newvm.StorageChoice;
import org.vireo.wizards.newvm.VmDraft;
import org.vireo.wizards.newvm.Firmware;

/** The install job and placement on the real test bed. */
@Tag("testbed")
class NewVmJobTestbedTest {
    private Testbed bed;
    private Fleet fleet;
    private HostConnection hostA;
    private HostConnection hostB;
    private Connect connA;
    private HostScratch scratch;

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        scratch = HostScratch.open(bed.hostA().unixUri(), bed.stateDir());
        connA = scratch.conn();
        fleet = new Fleet();
        hostA = fleet.add(ConnectionEntry.of(bed.hostA().unixUri()));
        hostB = fleet.add(ConnectionEntry.of(bed.hostB().unixUri()));
        hostA.connect().get(20, TimeUnit.SECONDS);
        hostB.connect().get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @Test
    void aDefineThatFailsAfterTheVolumeWasCreatedLeavesNoVolume() throws Exception {
        String name = scratch.vmName("clash");
        // Someone else defines a VM of that name after the wizard read the host: libvirt refuses the second define.
        new TestGuests(bed).define(connA, name).free();
        HostFacts facts = HostFactsReader.read(hostA).get(20, TimeUnit.SECONDS);
        OsVariant os = OsCatalogue.bundled().generic();
        VmDraft draft = new VmDraft(name, hostA.id(), new InstallSource.Pxe(), os, 128, 1,
                new StorageChoice.NewVolume(scratch.poolName(), name + ".qcow2", 1, "qcow2"),
                new NetworkChoice.VirtualNetwork(scratch.networkName()), VirtType.valueOf(bed.virtType().toUpperCase()),
                "x86_64", Firmware.BIOS, "pc", false, false);
        String xml = DomainXml.build(draft, facts.capabilities(), facts.domainCapabilities(draft.virtType()));
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> new NewVmJob(hostA, draft, xml).run(new CancelToken(), progress::add).get(60, TimeUnit.SECONDS));

        NewVmException error = (NewVmException) failed.getCause();
        assertTrue(error.getMessage().startsWith("Could not define the VM '" + name + "' on "), error.getMessage());
        assertTrue(error.getMessage().contains("Removed again: the volume " + name + ".qcow2."), error.getMessage());
        assertTrue(progress.get(0).startsWith("Create the volume"), progress.toString());
        assertFalse(scratch.volumes().contains(name + ".qcow2"), "the new volume was removed: " + scratch.volumes());
        assertTrue(scratch.volumes().contains("disk.qcow2"), "what the wizard did not create stays");
    }

    @Test
    void cancelBeforeStartRemovesTheDefinitionAndVolume() throws Exception {
        String name = scratch.vmName("cancel");
        HostFacts facts = HostFactsReader.read(hostA).get(20, TimeUnit.SECONDS);
        VmDraft draft = new VmDraft(name, hostA.id(), new InstallSource.Pxe(), OsCatalogue.bundled().generic(), 128, 1,
                new StorageChoice.NewVolume(scratch.poolName(), name + ".qcow2", 1, "qcow2"),
                new NetworkChoice.VirtualNetwork(scratch.networkName()), VirtType.valueOf(bed.virtType().toUpperCase()),
                "x86_64", Firmware.BIOS, "pc", false, false);
        String xml = DomainXml.build(draft, facts.capabilities(), facts.domainCapabilities(draft.virtType()));
        CancelToken cancel = new CancelToken();
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> new NewVmJob(hostA, draft, xml).run(cancel, step -> {
                    if (step.startsWith("Start")) {
                        cancel.cancel(); // the user presses Cancel while the VM is being defined
                    }
                }).get(60, TimeUnit.SECONDS));
        NewVmException error = (NewVmException) failed.getCause();
        assertTrue(error.cancelled(), error.getMessage());
        assertTrue(error.getMessage().contains("Removed again: the definition of '" + name + "', the volume " + name
                + ".qcow2."), error.getMessage());
        assertFalse(scratch.volumes().contains(name + ".qcow2"), scratch.volumes().toString());
        assertFalse(List.of(connA.listDefinedDomains()).contains(name), "the definition was removed");
    }

    @Test
    void leastLoadedPicksTheHostWithoutTheBusyGuest() throws Exception {
        // Both hosts share this machine's memory, so running guests' vCPUs make the difference. Other tests may
        // run guests too: make the host placement prefers now clearly busier than the other, then ask again.
        FleetHosts hosts = new FleetHosts(fleet, new org.vireo.resources.Messages(java.util.Locale.ROOT));
        HostLoad a = hosts.load(hostA.id()).get(10, TimeUnit.SECONDS);
        HostLoad b = hosts.load(hostB.id()).get(10, TimeUnit.SECONDS);
        boolean loadA = a.score() >= b.score();
        HostLoad preferred = loadA ? a : b;
        HostLoad other = loadA ? b : a;
        int extraVcpus = (int) Math.ceil(Math.max(0, other.cpuLoad() - preferred.cpuLoad()) * preferred.cpus()) + 2;
        String busy = scratch.vmName("busy");
        String xml = new TestGuests(bed).domainXml(busy).replace("<vcpu>1</vcpu>", "<vcpu>" + extraVcpus + "</vcpu>");
        Connect conn = new Connect((loadA ? bed.hostA() : bed.hostB()).unixUri());
        try {
            conn.domainCreateXML(xml, 0).free(); // transient: gone when destroyed
            try {
                (loadA ? hostA : hostB).refresh().get(10, TimeUnit.SECONDS);
                HostLoad busyNow = hosts.load(preferred.hostId()).get(10, TimeUnit.SECONDS);
                HostLoad otherNow = hosts.load(other.hostId()).get(10, TimeUnit.SECONDS);
                assertTrue(busyNow.cpuLoad() > otherNow.cpuLoad(), busyNow + " vs " + otherNow);

                Placement placement = Placement.leastLoaded(List.of(busyNow, otherNow)).orElseThrow();
                assertEquals(other.hostId(), placement.hostId(), placement.toString());
                assertTrue(placement.reason().startsWith(other.hostName() + ": "), placement.reason());
                assertTrue(placement.reason().contains("best of 2 hosts by free memory and CPU load"));
            } finally {
                conn.domainLookupByName(busy).destroy();
            }
        } finally {
            conn.close();
        }
    }
}
