package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.CPUCompareResult;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/**
 * The CPU pre-check asks the destination's hypervisor, for the guest's virtualization type, whether it can give the
 * guest its CPU. A TCG guest's emulated qemu64 is offered by QEMU on any host, whatever the host's own CPU lacks
 * (comparing with the host's CPU refused every TCG guest on such hosts, so no migration could start); a model QEMU
 * cannot emulate is still refused.
 */
@Tag("testbed")
class HypervisorCpuTestbedTest {
    private static final String PREFIX = "vireo-cpu";
    private static final String QEMU64 = "<cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model></cpu>";
    /** AVX-512, which QEMU's TCG does not emulate. */
    private static final String CASCADELAKE =
            "<cpu mode='custom' match='exact'><model fallback='forbid'>Cascadelake-Server</model></cpu>";

    private Testbed bed;
    private Connect directA;
    private Connect directB;
    /** Always TCG: the case in question, on a KVM test bed too. */
    private final TestGuests tcgGuests = new TestGuests("qemu");
    private HostConnection a;
    private HostConnection b;

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        directA = new Connect(bed.hostA().unixUri());
        directB = new Connect(bed.hostB().unixUri());
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (HostConnection h : new HostConnection[] {a, b}) {
                if (h != null) {
                    h.closeAsync().get(20, TimeUnit.SECONDS);
                }
            }
            tcgGuests.cleanup(directA, PREFIX);
        } finally {
            directA.close();
            directB.close();
        }
    }

    @Test
    void qemuOffersATcgGuestItsEmulatedCpuButNotAModelItCannotEmulate() throws Exception {
        CPUCompareResult qemu64 = HypervisorCpu.compare(directB, new CpuToCompare(QEMU64, "qemu", "x86_64"));
        assertTrue(qemu64 == CPUCompareResult.VIR_CPU_COMPARE_IDENTICAL
                || qemu64 == CPUCompareResult.VIR_CPU_COMPARE_SUPERSET, "qemu64 under TCG: " + qemu64);
        assertEquals(CPUCompareResult.VIR_CPU_COMPARE_INCOMPATIBLE,
                HypervisorCpu.compare(directB, new CpuToCompare(CASCADELAKE, "qemu", "x86_64")));
    }

    @Test
    void aRunningTcgGuestPassesTheLiveMigrationPrechecks() throws Exception {
        String name = TestGuests.uniqueName(PREFIX);
        Domain guest = tcgGuests.define(directA, name);
        String uuid;
        try {
            guest.create();
            uuid = guest.getUUIDString();
            assertTrue(guest.getXMLDesc(0).contains("qemu64"), "a TCG guest runs the emulated qemu64 CPU");
        } finally {
            guest.free();
        }
        a = connected(bed.hostA().unixUri());
        b = connected(bed.hostB().unixUri());

        List<PrecheckProblem> problems = new Prechecks().run(new MigrationRequest(uuid, a, b,
                MigrationOptions.defaults(MigrationMode.LIVE))).get(60, TimeUnit.SECONDS);

        assertEquals(List.of(), problems.stream().map(PrecheckProblem::message).toList());
    }

    private static HostConnection connected(String uri) throws Exception {
        HostConnection h = new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), uri, null, null, true,
                false, null), HostConnection.Opener.direct(), Duration.ofSeconds(30), ReconnectPolicy.NEVER);
        h.connect().get(60, TimeUnit.SECONDS);
        return h;
    }
}
