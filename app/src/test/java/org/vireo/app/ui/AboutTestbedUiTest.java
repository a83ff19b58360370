package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.about.Versions;
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
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
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

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#statusBar").tryQuery().isPresent()
                && !VmOpsUiTest.tree(robot).getRoot().getChildren().isEmpty());
        robot.clickOn("Help");
        robot.clickOn("About Vireo");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aboutView").tryQuery().isPresent());
        Label client = robot.lookup("#aboutLibvirtClient").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> client.getText().equals(library));
        @SuppressWarnings("unchecked")
        TableView<Versions.Host> hosts = robot.lookup("#aboutHosts").queryAs(TableView.class);
        awaitHostRow(robot, hosts);
        Versions.Host a = hosts.getItems().get(0);
        assertEquals(bed.hostA().unixUri(), a.uri());
        assertEquals(daemon, a.libvirt());
        assertEquals(hypervisor, a.hypervisor(), "virsh says " + hypervisor);
        robot.clickOn("#aboutClose");
    }

    /** The About window lists connected hosts when opened; host A may connect a moment after the window shows. */
    private static void awaitHostRow(FxRobot robot, TableView<Versions.Host> hosts) throws TimeoutException {
        if (hosts.getItems().isEmpty()) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !hosts.getItems().isEmpty());
        }
        assertTrue(hosts.getItems().size() == 1, hosts.getItems().toString());
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
