package org.vireo.app.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.app.ui.Screenshots;
import org.vireo.app.ui.WindowOnFolders;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;
import org.vireo.vnc.VncClient;
import org.vireo.vnc.fx.VncView;

/**
 * User story: a VM's console, detached into its own window, stays with the VM when it is live-migrated from host A
 * to host B (the same UUID shows up running on B; the console reconnects there).
 */
@Tag("testbed")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ConsoleMigrationUiTest {
    private static final long WAIT_S = 40;
    private static final Duration WAIT = Duration.ofSeconds(WAIT_S);

    @TempDir
    static Path dir;

    private Testbed bed;
    private AppContext context;
    private RunningGuest guest;

    @Start
    void start(Stage stage) throws Exception {
        bed = Testbed.require();
        guest = RunningGuest.start(bed, bed.hostA(), "consolemig-");
        context = WindowOnFolders.context(dir);
        MainStage.show(stage, context, List.of(bed.hostA().unixUri(), bed.hostB().unixUri()), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            context.close();
        }
        if (guest != null) {
            guest.close();
        }
    }

    @Test
    void consoleFollowsTheVmToTheOtherHost(FxRobot robot) throws Exception {
        try {
            story(robot);
        } catch (Exception | AssertionError e) {
            WaitForAsyncUtils.waitForFxEvents(3);
            Screenshots.save(robot, "console-migration-failure");
            throw e;
        }
    }

    private void story(FxRobot robot) throws Exception {
        javafx.scene.control.TreeTableView<?> tree = UiWait.onFx(() -> robot.lookup("#hostTree")
                .queryAs(javafx.scene.control.TreeTableView.class));
        VncView view = ConsoleTab.open(robot, this::isGuestRow, WAIT_S);
        assertTrue(UiWait.onFx(() -> selectedOn(tree, bed.hostA().unixUri())), "the VM's row is selected, under A");
        Label status = UiWait.onFx(() -> robot.lookup("#consoleStatus").queryAs(Label.class));
        // The client and the status line read together, once connected.
        Connected onA = awaitConnected("the console connected to A", view, status, c -> true);
        int portOnA = guest.vncPort();
        assertTrue(bed.hostA().vncPortInRange(portOnA), "on A: " + portOnA);
        assertTrue(onA.status().startsWith("Connected to 127.0.0.1:" + portOnA), onA.status());
        // In its own window the console stays on screen whatever the tree does with the moved VM's row.
        ConsoleSection section = UiWait.onFx(() -> (ConsoleSection) robot.lookup("#consoleTab").query().getProperties()
                .get(ConsoleSection.class));
        UiClick.on(robot, "#consoleDetach");
        Stage window = UiWait.until(WAIT, "the console's own window", () -> Optional.ofNullable(section.windows()
                .get(guest.uuid)).filter(Stage::isShowing));

        migrateToB();

        Connected onB = awaitConnected("the console connected to B", view, status, c -> c.client() != onA.client()
                && c.status().startsWith("Connected to 127.0.0.1:69"));
        int portOnB = vncPortOnB();
        assertTrue(bed.hostB().vncPortInRange(portOnB), "on B: " + portOnB);
        assertTrue(onB.status().startsWith("Connected to 127.0.0.1:" + portOnB), onB.status());
        assertTrue(UiWait.onFx(() -> window.isShowing() && view.getScene() == window.getScene()),
                "still in its window, now showing B");
        // A frame from B: pixel rectangles (not only pseudo-encodings) arrived on the new connection, and the
        // guest's screen (SeaBIOS text) is in its framebuffer.
        // Read off the FX thread: the VNC client is not part of the scene.
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> onB.client().rectangleCounts().entrySet().stream()
                .filter(e -> e.getKey() >= 0).mapToLong(java.util.Map.Entry::getValue).sum() > 0
                && ConsoleTestbedTest.nonBlackPixels(onB.client().framebuffer()) > 100);
        // The tree follows the VM it had selected: now its row under B.
        UiWait.untilTrue(WAIT, "the VM's row under B selected", () -> selectedOn(tree, bed.hostB().unixUri()));
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.save(robot, "console-after-migration");
    }

    /** The console's client and status line at one instant. */
    private record Connected(VncClient client, String status) {
    }

    private static Connected awaitConnected(String what, VncView view, Label status,
            java.util.function.Predicate<Connected> expected) {
        return UiExpect.until(WAIT, what, () -> view.getStatus() == VncView.Status.CONNECTED
                ? Optional.of(new Connected(view.getClient(), status.getText())).filter(expected) : Optional.empty(),
                () -> view.getStatus() + ", '" + status.getText() + "'");
    }

    /** Live migration A → B as the test bed does it (direct client-driven, migration stream on loopback). */
    private void migrateToB() throws Exception {
        int port = bed.hostB().migrationPortMin()
                + ThreadLocalRandom.current().nextInt(bed.hostB().migrationPortMax() - bed.hostB().migrationPortMin() + 1);
        Connect a = new Connect(bed.hostA().unixUri());
        Connect b = new Connect(bed.hostB().unixUri());
        try {
            Domain d = a.domainLookupByName(guest.name);
            try {
                TypedParameter[] params = {
                    new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_DEST_NAME, guest.name),
                    new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_URI, "tcp://127.0.0.1:" + port),
                    new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_LISTEN_ADDRESS, "127.0.0.1"),
                };
                d.migrate(b, params, Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PERSIST_DEST
                        | Domain.MigrateFlags.UNDEFINE_SOURCE).free();
            } finally {
                d.free();
            }
        } finally {
            b.close();
            a.close();
        }
    }

    private int vncPortOnB() throws Exception {
        Connect b = new Connect(bed.hostB().unixUri());
        try {
            Domain d = b.domainLookupByName(guest.name);
            try {
                return org.vireo.connections.testbed.TestGuests.vncPort(d.getXMLDesc(0));
            } finally {
                d.free();
            }
        } finally {
            b.close();
        }
    }

    /** The tree's selected row is the guest under the host with this URI. */
    private boolean selectedOn(javafx.scene.control.TreeTableView<?> tree, String uri) {
        Object selected = tree.getSelectionModel().getSelectedItem() == null ? null
                : tree.getSelectionModel().getSelectedItem().getValue();
        return selected instanceof TreeRow.VmRow v && v.vm().uuid().equals(guest.uuid)
                && context.fleet().get(v.connectionId()).map(h -> h.entry().uri().equals(uri)).orElse(false);
    }

    private boolean isGuestRow(Node cell) {
        return cell instanceof TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v && v.vm().uuid().equals(guest.uuid);
    }
}
