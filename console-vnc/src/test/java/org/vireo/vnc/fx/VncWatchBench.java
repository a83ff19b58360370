package org.vireo.vnc.fx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.vireo.vnc.Encoding;
import org.vireo.vnc.VncClient;
import org.vireo.vnc.VncListener;
import org.vireo.vnc.VncOptions;

/**
 * Vireo's side of the VNC benchmark: a VncView at 1:1 in a window (as the console shows it) watching an
 * animated Xvnc desktop. Args: port encoding warmupSeconds measureSeconds. Prints the updates applied per
 * second and this JVM's CPU over the measurement window, split by thread per update (decode on the session's
 * reader, the FX thread, the renderer, the rest: JIT, GC), and the local port (to find this client in Xvnc's log).
 */
public final class VncWatchBench {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int encoding = switch (args[1]) {
            case "ZRLE" -> Encoding.ZRLE;
            case "Tight" -> Encoding.TIGHT;
            case "Hextile" -> Encoding.HEXTILE;
            case "Raw" -> Encoding.RAW;
            default -> throw new IllegalArgumentException("encoding " + args[1]);
        };
        long warmup = Long.parseLong(args[2]);
        long measure = Long.parseLong(args[3]);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        VncClient client = new VncClient(socket.getInputStream(), socket.getOutputStream(),
                VncOptions.defaults().withEncodings(List.of(encoding)));
        AtomicLong updates = new AtomicLong();
        client.addListener(new VncListener() {
            @Override
            public void onUpdateBatchComplete() {
                updates.incrementAndGet();
            }
        });
        client.connect();
        System.out.println("WATCH local-port=" + socket.getLocalPort());
        VncView view = new VncView();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            view.setScaleMode(VncView.ScaleMode.ONE_TO_ONE);
            stage.setScene(new Scene(view, client.framebuffer().width(), client.framebuffer().height()));
            stage.setTitle("vireo-bench-watch");
            stage.show();
            view.attach(client);
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TimeUnit.SECONDS.sleep(warmup); // benchmark warm-up period, not synchronisation
        long u0 = updates.get();
        long c0 = os.getProcessCpuTime();
        Map<String, Long> threads0 = cpuByRole();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(measure);
        long u1 = updates.get();
        long c1 = os.getProcessCpuTime();
        Map<String, Long> threads1 = cpuByRole();
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        long n = Math.max(1, u1 - u0);
        StringBuilder perUpdate = new StringBuilder();
        long named = 0;
        for (String role : List.of("decode", "fx", "render")) {
            long cpu = threads1.getOrDefault(role, 0L) - threads0.getOrDefault(role, 0L);
            named += cpu;
            perUpdate.append(String.format(" %s=%.2f", role, cpu / 1e6 / n));
        }
        perUpdate.append(String.format(" other=%.2f", (c1 - c0 - named) / 1e6 / n));
        System.out.printf("WATCH updates/s=%.1f cpu=%.1f%% ms/update=%.2f%s continuous=%s rectangles=%s closed=%s%n",
                (u1 - u0) / seconds, 100.0 * (c1 - c0) / (t1 - t0), (c1 - c0) / 1e6 / n, perUpdate,
                client.continuousUpdates(), client.rectangleCounts(), client.isClosed());
        client.close();
        Platform.exit();
        System.exit(0);
    }

    /** CPU nanoseconds so far of the threads that matter here: the session reader, the FX thread, the renderer. */
    private static Map<String, Long> cpuByRole() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> byRole = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String role = name.startsWith("vnc-reader") ? "decode" : name.startsWith("JavaFX Application")
                    ? "fx" : name.startsWith("QuantumRenderer") ? "render" : null;
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (role != null && cpu > 0) {
                byRole.merge(role, cpu, Long::sum);
            }
        }
        return byRole;
    }
}
