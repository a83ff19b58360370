package org.vireo.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.main.LayoutPulses;
import org.vireo.app.main.StartupReads;
import org.vireo.app.main.TreeRow;
import org.vireo.app.ssh.FxAuthPrompt;
import org.vireo.app.ssh.FxHostKeyPrompt;
import org.vireo.app.task.FxTaskExecutor;
import org.vireo.app.ui.FxThreadProbe;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.resources.Messages;

/**
 * {@code testbed/bench connect100}, window variant: the main window opens on N saved qemu+ssh entries (all
 * autoconnect) and the time is taken until every one of them shows CONNECTED in the host tree with as many VM
 * rows as the host has VMs, while an {@link FxThreadProbe} measures the FX thread. Prints one line:
 * {@code window-ms=... hosts=... vms=... fx-max-ms=... fx-samples=... fx-over-50ms=... on-screen: fx-max-ms=...};
 * exit 1 when not all hosts made it within the timeout.
 *
 * <p>Arguments: HOME (with .ssh/config and known_hosts), XDG root (config/state/cache made below it), N, timeout s.
 */
public final class Connect100WindowBench {
    private static Path home;
    private static Path xdg;
    private static int count;
    private static long timeoutMs;

    public static void main(String[] args) throws Exception {
        home = Path.of(args[0]);
        xdg = Path.of(args[1]);
        count = Integer.parseInt(args[2]);
        timeoutMs = Long.parseLong(args[3]) * 1000;
        AppPaths paths = paths();
        List<ConnectionEntry> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            entries.add(new ConnectionEntry(java.util.UUID.randomUUID().toString(),
                    String.format("qemu+ssh://node%03d/system", i), null, null, true, false, null));
        }
        new ConnectionStore(paths.config()).save(entries);
        // As Main does before the window (Prewarm): the JIT compilers run at a background priority.
        org.vireo.connections.threads.BackgroundThreads.lowerJitCompilerThreads();
        // A main class that extends Application makes the java launcher demand JavaFX on the module path.
        Application.launch(Window.class);
    }

    private static AppPaths paths() {
        return new AppPaths(xdg.resolve("config/vireo"), xdg.resolve("state/vireo"), xdg.resolve("cache/vireo"));
    }

    /** The JavaFX application the bench launches. */
    public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
        Messages messages = new Messages(Locale.ROOT);
        FxTaskExecutor ui = new FxTaskExecutor();
        FxHostKeyPrompt hostKeys = new FxHostKeyPrompt(ui, messages, () -> stage);
        FxAuthPrompt auth = new FxAuthPrompt(ui, messages, () -> stage);
        Map<String, String> noAgent = new HashMap<>(System.getenv());
        noAgent.remove("SSH_AUTH_SOCK");
        FxThreadProbe probe = FxThreadProbe.startLatencyOnly();
        long t0 = System.nanoTime();
        AppContext context = new AppContext(paths(), SshSettings.forHome(home, noAgent, "root"), hostKeys, auth);
        // As the app does (EarlyStart), the saved connections are being read while the window is built.
        StartupReads reads = StartupReads.begin(context.store()::load, List.of(), context.io());
        MainStage.showWindow(stage, context, List.of(), messages, reads);
        // A second probe from the moment the first frame is on screen: building and painting the window is the
        // startup bench's business (the user sees no window before); this one measures the window the user sees
        // while the hosts connect.
        java.util.concurrent.atomic.AtomicReference<FxThreadProbe> shown = new java.util.concurrent.atomic.AtomicReference<>();
        long fxThreadId = Thread.currentThread().getId();
        long[] fxCpuOnScreenNs = new long[1];
        // After this pulse, whose frame the renderer then paints: queued behind that painting.
        LayoutPulses.afterNextLayout(stage.getScene(), () -> Platform.runLater(() -> FirstFrame.afterPainted(() -> {
            fxCpuOnScreenNs[0] = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
            shown.set(FxThreadProbe.startLatencyOnly());
        })));
        @SuppressWarnings("unchecked")
        TreeTableView<TreeRow> tree = (TreeTableView<TreeRow>) stage.getScene().lookup("#hostTree");
        CompletableFuture<int[]> done = new CompletableFuture<>();
        Thread watcher = new Thread(() -> {
            long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (!done.isDone() && System.nanoTime() < deadline) {
                Platform.runLater(() -> {
                    int[] seen = connectedWithVms(tree);
                    if (seen[0] == count) {
                        done.complete(seen);
                    }
                });
                LockSupportPause.pause(20);
            }
            done.complete(null);
        }, "bench-watcher");
        watcher.setDaemon(true);
        watcher.start();
        done.whenComplete((seen, failure) -> {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            probe.close();
            if (shown.get() != null) {
                shown.get().close();
            }
            Platform.runLater(() -> {
                int[] last = seen != null ? seen : connectedWithVms(tree);
                FxThreadProbe after = shown.get() != null ? shown.get() : probe;
                // CPU time (fair on a machine busy with other work, where the wall-clock figures stretch).
                long fxCpuMs = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                long processCpuMs = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
                System.out.printf("window-ms=%d hosts=%d vms=%d fx-max-ms=%d fx-samples=%d fx-over-50ms=%d"
                                + " on-screen: fx-max-ms=%d (at %d ms) fx-over-50ms=%d fx-thread-cpu-ms=%d"
                                + " cpu-ms: process=%d fx-thread=%d%n",
                        ms, last[0], last[1], probe.maxLatency().toMillis(), probe.samples(), probe.slowSamples(),
                        after.maxLatency().toMillis(), after.worstAt().toMillis(), after.slowSamples(),
                        fxCpuMs - fxCpuOnScreenNs[0] / 1_000_000,
                        processCpuMs, fxCpuMs);
                System.err.println("once the first frame was on screen: " + after);
                if (seen == null) {
                    context.fleet().hosts().stream().limit(3).forEach(h -> System.err.println("bench: " + h.snapshot()));
                }
                hostKeys.close();
                auth.close();
                context.close();
                Platform.exit();
                // A normal exit, so that a class-data archive asked for (-XX:ArchiveClassesAtExit) is written.
                System.exit(seen != null ? 0 : 1);
            });
        });
    }

    }

    /** {hosts shown CONNECTED whose VM rows are all in the tree, VM rows under them}. */
    private static int[] connectedWithVms(TreeTableView<TreeRow> tree) {
        int[] seen = new int[2];
        if (tree.getRoot() != null) {
            count(tree.getRoot(), seen);
        }
        return seen;
    }

    private static void count(TreeItem<TreeRow> item, int[] seen) {
        if (item.getValue() instanceof TreeRow.HostRow h && h.host().state().isConnected()) {
            long vmRows = item.getChildren().stream().filter(c -> c.getValue() instanceof TreeRow.VmRow).count();
            if (vmRows == h.host().vms().size()) {
                seen[0]++;
                seen[1] += (int) vmRows;
            }
            return;
        }
        item.getChildren().forEach(child -> count(child, seen));
    }

    /**
     * When the frame of the pulse that just ended is painted. JavaFX tells no one; its renderer is one thread running
     * painting jobs in order, so a job queued behind this frame's runs once the frame is on screen. The renderer is
     * internal: reached by reflection, its package opened to the bench by {@code testbed/bench}.
     */
    private static final class FirstFrame {
        static void afterPainted(Runnable action) {
            try {
                Class<?> renderer = Class.forName("com.sun.javafx.tk.quantum.QuantumRenderer");
                java.lang.reflect.Method instance = renderer.getDeclaredMethod("getInstance");
                instance.setAccessible(true);
                ((java.util.concurrent.Executor) instance.invoke(null)).execute(action);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JavaFX's renderer cannot be reached", e);
            }
        }
    }

    /** A bounded pause between polls (this is a measuring loop, not test synchronisation). */
    private static final class LockSupportPause {
        static void pause(long ms) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }
    }
}
