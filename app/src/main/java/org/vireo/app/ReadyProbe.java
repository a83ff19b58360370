package org.vireo.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import org.vireo.app.main.LayoutPulses;
import org.vireo.app.main.MainViewModel;
import org.vireo.connections.model.HostSnapshot;

/**
 * For the startup benchmark ({@code -Dvireo.readyProbe=true}): prints {@code VIREO_PHASE <name> <ms>} as start-up
 * passes its milestones and {@code VIREO_READY <ms>} once the window shows a connected host with its VMs, i.e.
 * the moment it is usable; times count from the JVM's start. "Ready" is marked after the layout pass that put
 * the host's rows in the tree (that pulse then renders them), not when they merely reach the model.
 */
final class ReadyProbe {
    private static final String PROPERTY = "vireo.readyProbe";

    private ReadyProbe() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Prints one milestone when the probe is on; costs nothing otherwise. */
    static void mark(String phase) {
        if (enabled()) {
            print("VIREO_PHASE " + phase + " " + sinceJvmStart());
        }
    }

    /** Marks the first laid-out frame, then the moment the host's rows are laid out ({@code VIREO_READY}). */
    static void install(Scene scene, MainViewModel viewModel) {
        LayoutPulses.afterNextLayout(scene, () -> mark("first-frame"));
        viewModel.hosts().addListener(new ListChangeListener<HostSnapshot>() {
            @Override
            public void onChanged(Change<? extends HostSnapshot> change) {
                if (isUsable(viewModel)) {
                    viewModel.hosts().removeListener(this);
                    mark("host-listed");
                    LayoutPulses.afterNextLayout(scene, () -> print("VIREO_READY " + sinceJvmStart()));
                }
            }
        });
    }

    static boolean isUsable(MainViewModel viewModel) {
        return viewModel.hosts().stream().anyMatch(h -> h.state().isConnected() && !h.vms().isEmpty());
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void print(String line) {
        PrintStream out = System.out;
        out.println(line);
        out.flush();
    }
}
