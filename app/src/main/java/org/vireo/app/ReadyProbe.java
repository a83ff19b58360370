package org.vireo.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import org.vireo.app.main.MainViewModel;
import org.vireo.connections.model.HostSnapshot;

/**
 * For the startup benchmark ({@code -Dvireo.readyProbe=true}): prints {@code VIREO_READY <ms>}
 * once the window shows a connected host with its VMs, i.e. the moment it is usable. The line is
 * printed after the next pulse so the rows are on screen, not just in the model.
 */
final class ReadyProbe {
    private ReadyProbe() {
    }

    static void install(MainViewModel viewModel) {
        viewModel.hosts().addListener(new ListChangeListener<HostSnapshot>() {
            @Override
            public void onChanged(Change<? extends HostSnapshot> change) {
                boolean usable = viewModel.hosts().stream().anyMatch(h -> h.state().isConnected() && !h.vms().isEmpty());
                if (usable) {
                    viewModel.hosts().removeListener(this);
                    Platform.runLater(() -> {
                        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("VIREO_READY " + ms);
                        System.out.flush();
                    });
                }
            }
        });
    }
}
