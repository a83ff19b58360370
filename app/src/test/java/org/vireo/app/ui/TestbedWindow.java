package org.vireo.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;

/** The main window on the test bed's two hosts, for the migration stories, and the clean-up of their guests. */
final class TestbedWindow {
    static final String ID_A = "tb-a";
    static final String ID_B = "tb-b";

    private TestbedWindow() {
    }

    static AppPaths paths(Path home) {
        return new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache"));
    }

    /**
     * Saves both hosts with names that put B's row above A's (other runs' guests coming and going on the shared
     * host A then never move B's row under the pointer), and shows the window on them.
     */
    static AppContext show(Stage stage, Path home, Testbed bed) throws IOException {
        AppPaths paths = paths(home);
        new ConnectionStore(paths.config()).save(List.of(
                new ConnectionEntry(ID_B, bed.hostB().unixUri(), "1 host B", null, true, false, null),
                new ConnectionEntry(ID_A, bed.hostA().unixUri(), "2 host A", null, true, false, null)));
        AppContext context = new AppContext(paths);
        MainStage.show(stage, context, List.of(), new Messages(Locale.ROOT));
        return context;
    }

    /** Removes the guests {@code guests} made, named with {@code prefix}, from whichever host they ended on. */
    static void removeGuests(Testbed bed, TestGuests guests, String prefix) throws LibvirtException {
        for (Testbed.Host h : bed.hosts()) {
            Connect c = new Connect(h.unixUri());
            try {
                guests.cleanup(c, prefix);
            } finally {
                c.close();
            }
        }
    }
}
