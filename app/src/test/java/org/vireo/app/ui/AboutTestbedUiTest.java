package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.about.Versions;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;

/** Help → About on the test bed's host A: its row shows the daemon's and QEMU's versions as virsh reads them. */
@Tag("testbed")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AboutTestbedUiTest {
    @TempDir
    static Path home;

    private AppContext context;
    private Testbed bed;

    @Start
    void start(Stage stage) {
        bed = Testbed.require();
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(bed.hostA().unixUri()), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aboutShowsHostAsLibvirtDaemonAndHypervisorVersions(FxRobot robot) throws Exception {
        String virsh = virsh("-c", bed.hostA().unixUri(), "version", "--daemon");
        String daemon = after(virsh, "Running against daemon: ");
        String hypervisor = after(virsh, "Running hypervisor: ");
        String library = after(virsh, "Using library: libvirt ");

        UiWait.untilTrue("the main window with host A's row", () -> robot.lookup("#statusBar").tryQuery().isPresent()
                && !VmOpsUiTest.tree(robot).getRoot().getChildren().isEmpty());
        // The menu bar's own "Help", not any other node with that text; its menu opens in a window of its own.
        UiClick.on(robot, "the Help menu", () -> robot.lookup(".menu-bar .menu").match(
                n -> n instanceof Labeled l && "Help".equals(l.getText())).tryQuery());
        UiClick.on(robot, "#menuAbout");
        // The About window as it showed: the client's version once read, and its host rows (copied).
        Shown about = UiWait.until("the About window, the client's libvirt version and a host row", () -> robot
                .lookup("#aboutView").match(NodeQueryUtils.isVisible()).tryQuery().flatMap(view -> {
                    String client = robot.from(view).lookup("#aboutLibvirtClient").queryAs(Label.class).getText();
                    @SuppressWarnings("unchecked")
                    List<Versions.Host> hosts = List.copyOf(robot.from(view).lookup("#aboutHosts")
                            .queryAs(TableView.class).getItems());
                    // Host A may connect a moment after the window shows, and the version is read in the background.
                    return client.equals(library) && !hosts.isEmpty()
                            ? Optional.of(new Shown(client, hosts, view.getScene().getWindow()))
                            : Optional.empty();
                }));
        assertEquals(1, about.hosts().size(), about.hosts().toString());
        Versions.Host a = about.hosts().get(0);
        assertEquals(bed.hostA().unixUri(), a.uri());
        assertEquals(daemon, a.libvirt());
        assertEquals(hypervisor, a.hypervisor(), "virsh says " + hypervisor);
        UiClick.on(robot, "#aboutClose");
        UiWait.untilTrue("the About window closed", () -> !about.window().isShowing());
    }

    private record Shown(String client, List<Versions.Host> hosts, javafx.stage.Window window) {
    }

    private static String after(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' in virsh's answer:\n" + text));
    }

    private static String virsh(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("virsh"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("virsh did not answer in 30 s: " + command);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
