package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The probe sees a stalled FX thread (so a low reading elsewhere means something). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxThreadProbeUiTest {

    @Test
    void aStallOfTheFxThreadShowsAsLatency() throws TimeoutException {
        try (FxThreadProbe probe = FxThreadProbe.start()) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= 5);
            // The load under measurement: keep the FX thread busy for 300 ms.
            Platform.runLater(() -> {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            long before = probe.samples();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= before + 40);
            assertTrue(probe.maxLatency().toMillis() >= 250, probe.toString());
        }
    }

    @Test
    void aSocketReadOnTheFxThreadIsCaughtAsABlockingCall() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             FxThreadProbe probe = FxThreadProbe.start()) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= 5);
            // The fault under detection: the FX thread waits 300 ms for a peer that never answers.
            WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
                try (Socket socket = new Socket(silent.getInetAddress(), silent.getLocalPort())) {
                    socket.setSoTimeout(300);
                    socket.getInputStream().read();
                } catch (SocketTimeoutException expected) {
                    // the peer stayed silent, as arranged
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertFalse(probe.blockingCalls().isEmpty(), probe.toString());
            assertTrue(probe.blockingCalls().keySet().stream().anyMatch(stack -> stack.contains("java.net.Socket")),
                    probe.blockingCalls().toString());
        }
    }

    @Test
    void aLibvirtCallOnTheFxThreadIsCaughtAsABlockingCall() throws Exception {
        try (FxThreadProbe probe = FxThreadProbe.start()) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.samples() >= 5);
            // The fault under detection: libvirt called from the FX thread for 300 ms.
            WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                try {
                    Connect conn = new Connect("test:///default");
                    while (System.nanoTime() < end) {
                        conn.listDomains();
                    }
                    conn.close();
                } catch (LibvirtException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(probe.blockingCalls().keySet().stream().anyMatch(stack -> stack.contains("org.libvirt.")),
                    probe.blockingCalls().toString());
        }
    }
}
