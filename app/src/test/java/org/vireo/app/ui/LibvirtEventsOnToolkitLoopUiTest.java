package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libvirt.Domain;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.testsupport.UiWait;
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
    /** Bound of every wait: long enough for a loaded CI machine. */
    private static final long LIMIT_S = 20;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("events"), 200, 100));
        stage.show();
    }

    @Test
    void eventsArriveThroughTheToolkitLoop() throws Exception {
        LibvirtEventLoop.dispatchFromToolkitMainLoop();
        UiWait.untilTrue("our own libvirt event loop thread stopped", () -> !LibvirtEventLoop.isRunning());
        ConnectionEntry entry = new ConnectionEntry("events", DemoHost.uri(Path.of(System.getProperty("java.io.tmpdir"),
                "vireo-events-test")), "events", null, false, false, null);
        try (HostConnection host = new HostConnection(entry, HostConnection.Opener.direct(), NO_POLL);
             FxThreadProbe probe = FxThreadProbe.start()) {
            host.connect().get(LIMIT_S, TimeUnit.SECONDS);
            String uuid = host.snapshot().vms().stream().filter(v -> v.name().equals("builder1")).findFirst()
                    .orElseThrow(() -> new AssertionError("no builder1 on the demo host: " + host.snapshot().vms()))
                    .uuid();
            // Started through the raw connection, as another program would: only the event can tell us.
            host.call(conn -> {
                Domain domain = conn.domainLookupByUUIDString(uuid);
                domain.create();
                return domain.free();
            }).get(LIMIT_S, TimeUnit.SECONDS);
            waitForRunning(host, uuid);
            assertFalse(LibvirtEventLoop.isRunning(), "no libvirt loop thread of ours competes with the toolkit");
            assertEquals(Map.of(), probe.blockingCalls(), "dispatching events never makes the FX thread wait on libvirt");
        }
    }

    /** Waits (bounded, see UiWait) for the snapshot to show the VM running; the snapshot is a plain field read. */
    private static void waitForRunning(HostConnection host, String uuid) {
        UiWait.until("the started VM RUNNING in the snapshot, through its event", () -> host.snapshot().vms().stream()
                .filter(v -> v.uuid().equals(uuid) && v.state() == VmState.RUNNING).findFirst());
    }
}
