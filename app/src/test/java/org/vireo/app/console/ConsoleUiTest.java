package org.vireo.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableRow;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import org.vireo.app.main.TreeRow;
import org.vireo.app.ui.Screenshots;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;
import org.vireo.vnc.VncClient;
import org.vireo.vnc.fx.VncView;

/**
 * User story: with a SeaBIOS guest running on test-bed host A, the user selects it, opens the Console tab and
 * sees its screen; takes a screenshot, detaches the console into a window and brings it back; sends
 * Ctrl+Alt+Del (the guest resets, which this guest's on_reboot=destroy turns into a stop the console shows);
 * the console then follows the VM through a start and a destroy + start (new QEMU, maybe a new port).
 */
@Tag("testbed")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {
    private static final long WAIT_S = 30;

    @TempDir
    static Path dir;

    private AppContext context;
    private RunningGuest guest;

    @Start
    void start(Stage stage) throws Exception {
        Testbed bed = Testbed.require();
        guest = RunningGuest.start(bed, bed.hostA(), "consoleui-", RunningGuest::stopOnReset);
        context = new AppContext(new AppPaths(dir.resolve("config"), dir.resolve("state"), dir.resolve("cache")));
        MainStage.show(stage, context, List.of(bed.hostA().unixUri()), new Messages(Locale.ROOT));
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
    void consoleShowsTheGuestSendsKeysDetachesAndFollowsTheVm(FxRobot robot) throws Exception {
        try {
            story(robot);
        } catch (Exception | AssertionError e) {
            save(robot, "console-failure");
            throw e;
        }
    }

    private void story(FxRobot robot) throws Exception {
        VncView view = ConsoleTab.open(robot, this::isGuestRow, WAIT_S);
        waitFor(() -> view.getStatus() == VncView.Status.CONNECTED);
        Label status = robot.lookup("#consoleStatus").queryAs(Label.class);
        int firstPort = guest.vncPort();
        assertTrue(status.getText().startsWith("Connected to 127.0.0.1:" + firstPort), status.getText() + " vs " + firstPort);
        waitFor(() -> litPixels(robot, view) > 200);
        save(robot, "console-tab");

        // Another VM appearing on the host leaves the selection, and so the console, where it is.
        try (RunningGuest other = RunningGuest.start(Testbed.require(), guest.host, "consoleui-")) {
            waitFor(() -> robot.lookup(".tree-table-row-cell").match(cell -> cell instanceof TreeTableRow<?> r
                    && r.getItem() instanceof TreeRow.VmRow v && v.vm().uuid().equals(other.uuid)).tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents(3);
            assertEquals(guest.name, robot.lookup("#detailsTitle").queryAs(Label.class).getText());
            assertTrue(view.getScene() != null && view.isVisible(), "the console tab is still shown");
        }

        // Scaling 1:1 and back; the keyboard grab shows how to release it.
        robot.clickOn("#consoleOneToOne");
        assertEquals(VncView.ScaleMode.ONE_TO_ONE, view.getScaleMode());
        robot.clickOn("#consoleFit");
        assertEquals(VncView.ScaleMode.FIT, view.getScaleMode());
        Label hint = robot.lookup("#consoleGrabHint").queryAs(Label.class);
        assertTrue(!hint.isVisible());
        robot.clickOn("#consoleGrab");
        waitFor(() -> view.isGrab() && hint.isVisible());
        assertEquals("Keyboard grabbed: press Ctrl+Alt to release", hint.getText());
        save(robot, "console-grabbed");
        robot.clickOn("#consoleGrab");
        waitFor(() -> !view.isGrab() && !hint.isVisible());

        // Screenshot to PNG through the toolbar (the save dialog replaced by a fixed file).
        ConsoleSection section = (ConsoleSection) robot.lookup("#consoleTab").query().getProperties().get(ConsoleSection.class);
        Path png = dir.resolve("shot.png");
        robot.interact(() -> section.setScreenshotFileChooser((owner, name) -> {
            assertEquals(guest.name + ".png", name);
            return png.toFile();
        }));
        robot.clickOn("#consoleScreenshot");
        waitFor(() -> status.getText().startsWith("Screenshot saved to"));
        BufferedImage shot = ImageIO.read(png.toFile());
        VncClient client = view.getClient();
        assertEquals(client.framebuffer().width(), shot.getWidth());
        assertEquals(client.framebuffer().height(), shot.getHeight());
        assertTrue((shot.getWidth() == 720 && shot.getHeight() == 400) || (shot.getWidth() == 640 && shot.getHeight() == 480),
                shot.getWidth() + "x" + shot.getHeight());

        // Detach into a window, look at it, bring it back.
        robot.clickOn("#consoleDetach");
        waitFor(() -> section.windows().containsKey(guest.uuid) && section.windows().get(guest.uuid).isShowing());
        Stage window = section.windows().get(guest.uuid);
        assertEquals(guest.name + " \u2014 Console", window.getTitle());
        assertTrue(view.getScene() == window.getScene(), "the console moved into the window");
        assertTrue(robot.lookup("#consoleDetachedNote").tryQuery().isPresent(), "the tab says where the console went");
        waitFor(() -> litPixels(robot, view) > 200);
        save(robot, "console-detached");
        // Closing the window (no window manager on Xvfb to click its close box) brings the console back.
        robot.interact(window::close);
        waitFor(() -> !window.isShowing() && view.getScene() == status.getScene()
                && view.getScene() == robot.lookup("#consoleTab").query().getScene());
        assertEquals(VncView.Status.CONNECTED, view.getStatus(), "the session stayed up while it moved");

        // Full screen is a window of its own; leaving full screen (Esc) puts the console back in the tab.
        robot.clickOn("#consoleFullscreen");
        waitFor(() -> section.windows().containsKey(guest.uuid) && section.windows().get(guest.uuid).isFullScreen());
        Stage full = section.windows().get(guest.uuid);
        assertTrue(view.getScene() == full.getScene());
        robot.interact(() -> full.setFullScreen(false));
        waitFor(() -> !full.isShowing() && view.getScene() == robot.lookup("#consoleTab").query().getScene());

        // Ctrl+Alt+Del from the send-key menu resets the guest; on_reboot=destroy makes that a visible stop.
        robot.clickOn("#consoleSendKey");
        assertTrue(robot.lookup(".menu-item").match(n -> "power-reboot".equals(n.getId()) && n.isVisible()).tryQuery()
                .isEmpty(), "QEMU offers no XVP: no power actions in the send-key menu");
        assertTrue(robot.lookup(".menu-item").match(n -> "sendKey-Ctrl-Alt-Del".equals(n.getId()) && n.isVisible())
                .tryQuery().isPresent(), "the menu is open");
        robot.clickOn(robot.lookup(".menu-item").match(n -> n.getId() != null && n.getId().equals("sendKey-Ctrl-Alt-Del"))
                .queryAs(Node.class));
        waitFor(() -> status.getText().contains("is not running (Shut off)"));
        save(robot, "console-stopped");

        // Started again: the console reconnects by itself.
        guest.onDomain(d -> d.create());
        waitFor(() -> view.getStatus() == VncView.Status.CONNECTED && status.getText().startsWith("Connected"));
        VncClient afterStart = view.getClient();
        assertNotSame(client, afterStart);

        // Destroy + start between two polls: a new QEMU (the port may change); the console follows.
        guest.onDomain(d -> {
            d.destroy();
            d.create();
        });
        waitFor(() -> view.getClient() != afterStart && view.getStatus() == VncView.Status.CONNECTED
                && status.getText().startsWith("Connected to 127.0.0.1:"));
        int port = guest.vncPort();
        assertTrue(status.getText().startsWith("Connected to 127.0.0.1:" + port), status.getText() + " vs port " + port);
        // A new QEMU starts in 640x480 ("not initialized"), then SeaBIOS switches to 720x400 text: the view follows.
        waitFor(() -> view.getClient().framebuffer().width() == 720 && view.getClient().framebuffer().height() == 400
                && litPixels(robot, view) > 200);
        save(robot, "console-after-restart");
    }

    private boolean isGuestRow(Node cell) {
        return cell instanceof TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v && v.vm().uuid().equals(guest.uuid);
    }

    /**
     * Pixels of the view as painted on screen in SeaBIOS's grey text colour range: neither the black screen nor
     * the light letterbox around a scaled frame counts.
     */
    private static long litPixels(FxRobot robot, VncView view) throws TimeoutException {
        Bounds b = WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                WaitForAsyncUtils.asyncFx(() -> view.localToScreen(view.getBoundsInLocal())));
        if (b == null || b.getWidth() < 1) {
            return 0;
        }
        Image image = robot.capture(b).getImage();
        long lit = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int argb = image.getPixelReader().getArgb(x, y);
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int bl = argb & 0xFF;
                if (Math.min(r, Math.min(g, bl)) >= 0x50 && Math.max(r, Math.max(g, bl)) <= 0xD0) {
                    lit++;
                }
            }
        }
        return lit;
    }

    /** Saves the screen once the FX thread has painted what the test just waited for. */
    private static void save(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.save(robot, name);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
    }
}
