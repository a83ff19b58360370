package org.vireo.app.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vireo.app.task.DirectTaskExecutor;
import org.vireo.connections.domain.HardwareEdit;
import org.vireo.connections.domain.LineDiff;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/** The details tabs' model on the 14 odd domains, without a stage. */
class VmDetailsModelTest {
    private HostConnection host;
    private VmDetailsModel model;

    @BeforeEach
    void connect() throws Exception {
        host = new HostConnection(new ConnectionEntry("odd", OddDomains.uri(), "odd-host", null, false, false, null),
                HostConnection.Opener.direct(), Duration.ofSeconds(60));
        host.connect().get(10, TimeUnit.SECONDS);
        model = new VmDetailsModel(id -> Optional.of(host), new DirectTaskExecutor(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() throws Exception {
        host.closeAsync().get(10, TimeUnit.SECONDS);
    }

    @Test
    void detailsOfEachOfTheFourteenOddDomainsOpen() {
        HostSnapshot snapshot = host.snapshot();
        assertEquals(OddDomains.COUNT, snapshot.vms().size());
        for (VmInfo vm : snapshot.vms()) {
            int before = model.loadsProperty().get();
            model.show(snapshot, vm);
            await(() -> model.loadsProperty().get() > before, vm.name());
            assertEquals("", model.errorProperty().get(), vm.name());
            assertEquals(vm.name(), model.descriptionProperty().get().name());
            assertTrue(model.xmlProperty().get().contains("<uuid>" + vm.uuid() + "</uuid>"), vm.name());
            assertTrue(model.descriptionProperty().get().hardware().size() >= 3, vm.name());
        }
        VmInfo many = vm("hundred-devices");
        model.show(host.snapshot(), many);
        await(() -> "hundred-devices".equals(model.descriptionProperty().get().name()), "hundred-devices");
        // 100 devices in the fixture; libvirt adds the console that mirrors the first serial port.
        int items = model.descriptionProperty().get().hardware().size();
        assertTrue(items >= 3 + 100, "CPU, memory, boot + at least 100 devices, was " + items);
    }

    @Test
    void aMemoryEditOfAShutOffVmChangesOnlyTheMemory() throws Exception {
        VmInfo vm = vm("with-osinfo");
        assertEquals(VmState.SHUTOFF, vm.state());
        model.show(host.snapshot(), vm);
        await(() -> model.loadsProperty().get() > 0, vm.name());
        assertEquals("http://debian.org/debian/12", model.descriptionProperty().get().osId());
        String before = model.xmlProperty().get();
        List<String> changes = model.apply(new HardwareEdit(1024L * 1024, null, null, null), null).get(10, TimeUnit.SECONDS);
        assertFalse(changes.isEmpty());
        String after = model.xmlProperty().get();
        List<String> diff = LineDiff.changes(before, after);
        assertEquals(List.of("-   <memory unit='KiB'>524288</memory>", "-   <currentMemory unit='KiB'>524288</currentMemory>",
                "+   <memory unit='KiB'>1048576</memory>", "+   <currentMemory unit='KiB'>1048576</currentMemory>"), diff);
    }

    @Test
    void snapshotsAppearAfterCreateAndGoAfterDelete() throws Exception {
        VmInfo vm = vm("no-devices");
        model.show(host.snapshot(), vm);
        await(() -> model.loadsProperty().get() > 0, vm.name());
        model.createSnapshot("first", "before changes", false).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("first"), model.snapshots().stream().map(s -> s.name()).toList());
        model.revertSnapshot("first").get(10, TimeUnit.SECONDS);
        model.deleteSnapshot("first").get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), model.snapshots());
    }

    private VmInfo vm(String name) {
        return host.snapshot().vms().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("details of " + what + " did not load within 10 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
