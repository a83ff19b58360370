package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libvirt.Domain;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtEventLoop;
import org.vireo.connections.model.VmState;
import org.vireo.connections.store.ConnectionEntry;

/**
 * Under JavaFX, libvirt's events are dispatched by the toolkit's own GLib loop (no thread of ours
 * competing for the main context): a VM started behind Vireo's back shows up through its event
 * while polling is off, and the FX thread stays responsive meanwhile.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LibvirtEventsOnToolkitLoopUiTest {
    private static final Duration NO_POLL = Duration.ofHours(1);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("events"), 200, 100));
        stage.show();
    }

    @Test
    void eventsArriveThroughTheToolkitLoop() throws Exception {
        LibvirtEventLoop.dispatchFromToolkitMainLoop();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !LibvirtEventLoop.isRunning());
        ConnectionEntry entry = new ConnectionEntry("events", DemoHost.uri(Path.of(System.getProperty("java.io.tmpdir"),
                "vireo-events-test")), "events", null, false, false, null);
        try (HostConnection host = new HostConnection(entry, HostConnection.Opener.direct(), NO_POLL);
             FxThreadProbe probe = FxThreadProbe.start()) {
            host.connect().get(20, TimeUnit.SECONDS);
            String uuid = host.snapshot().vms().stream().filter(v -> v.name().equals("builder1")).findFirst()
                    .orElseThrow().uuid();
            // Started through the raw connection, as another program would: only the event can tell us.
            host.call(conn -> {
                Domain domain = conn.domainLookupByUUIDString(uuid);
                domain.create();
                return domain.free();
            }).get(20, TimeUnit.SECONDS);
            waitForRunning(host, uuid);
            assertFalse(LibvirtEventLoop.isRunning(), "no libvirt loop thread of ours competes with the toolkit");
            assertEquals(Map.of(), probe.blockingCalls(), "dispatching events never makes the FX thread wait on libvirt");
        }
    }

    private static void waitForRunning(HostConnection host, String uuid) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host.snapshot().vms().stream()
                .anyMatch(v -> v.uuid().equals(uuid) && v.state() == VmState.RUNNING));
    }
}
