package org.vireo.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.testfx.util.NodeQueryUtils;
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
    private static final Duration WAIT = Duration.ofSeconds(WAIT_S);

    @TempDir
    static Path dir;

    private AppContext context;
    private RunningGuest guest;

    @Start
    void start(Stage stage) throws Exception {
        Testbed bed = Testbed.require();
        guest = RunningGuest.start(bed, bed.hostA(), "consoleui-", RunningGuest::stopOnReset);
        context = WindowOnFolders.context(dir);
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
        Label status = UiWait.onFx(() -> robot.lookup("#consoleStatus").queryAs(Label.class));
        int firstPort = guest.vncPort();
        String connected = until("the console connected", () -> view.getStatus() == VncView.Status.CONNECTED
                ? Optional.of(status.getText()) : Optional.empty(), () -> view.getStatus() + ", '" + status.getText() + "'");
        assertTrue(connected.startsWith("Connected to 127.0.0.1:" + firstPort), connected + " vs " + firstPort);
        awaitLit(robot, view);
        save(robot, "console-tab");

        // Another VM appearing on the host leaves the selection, and so the console, where it is.
        try (RunningGuest other = RunningGuest.start(Testbed.require(), guest.host, "consoleui-")) {
            UiWait.untilTrue(WAIT, "the other VM's row", () -> robot.lookup(".tree-table-row-cell").match(cell
                    -> cell instanceof TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v
                    && v.vm().uuid().equals(other.uuid)).tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents(3);
            assertEquals(guest.name, UiWait.onFx(() -> robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
            assertTrue(UiWait.onFx(() -> view.getScene() != null && view.isVisible()), "the console tab is still shown");
        }

        // Scaling 1:1 and back; the keyboard grab shows how to release it.
        UiClick.on(robot, "#consoleOneToOne");
        until("1:1 scaling", () -> Optional.of(view.getScaleMode()).filter(VncView.ScaleMode.ONE_TO_ONE::equals),
                () -> "scale " + view.getScaleMode());
        UiClick.on(robot, "#consoleFit");
        until("scaled to fit", () -> Optional.of(view.getScaleMode()).filter(VncView.ScaleMode.FIT::equals),
                () -> "scale " + view.getScaleMode());
        Label hint = UiWait.onFx(() -> robot.lookup("#consoleGrabHint").queryAs(Label.class));
        assertTrue(UiWait.onFx(() -> !hint.isVisible()));
        UiClick.on(robot, "#consoleGrab");
        String grabbed = until("the grab and its hint", () -> view.isGrab() && hint.isVisible()
                ? Optional.of(hint.getText()) : Optional.empty(), () -> "grab " + view.isGrab() + ", hint " + hint.isVisible());
        assertEquals("Keyboard grabbed: press Ctrl+Alt to release", grabbed);
        save(robot, "console-grabbed");
        UiClick.on(robot, "#consoleGrab");
        UiWait.untilTrue(WAIT, "the grab released and its hint gone", () -> !view.isGrab() && !hint.isVisible());

        // Screenshot to PNG through the toolbar (the save dialog replaced by a fixed file).
        ConsoleSection section = UiWait.onFx(() -> (ConsoleSection) robot.lookup("#consoleTab").query().getProperties()
                .get(ConsoleSection.class));
        Node tab = UiWait.onFx(() -> robot.lookup("#consoleTab").query());
        Path png = dir.resolve("shot.png");
        robot.interact(() -> section.setScreenshotFileChooser((owner, name) -> {
            assertEquals(guest.name + ".png", name);
            return png.toFile();
        }));
        UiClick.on(robot, "#consoleScreenshot");
        UiWait.untilTrue(WAIT, "the screenshot saved", () -> status.getText().startsWith("Screenshot saved to"));
        BufferedImage shot = ImageIO.read(png.toFile());
        VncClient client = UiWait.onFx(view::getClient);
        assertEquals(client.framebuffer().width(), shot.getWidth());
        assertEquals(client.framebuffer().height(), shot.getHeight());
        assertTrue((shot.getWidth() == 720 && shot.getHeight() == 400) || (shot.getWidth() == 640 && shot.getHeight() == 480),
                shot.getWidth() + "x" + shot.getHeight());

        // Detach into a window, look at it, bring it back.
        UiClick.on(robot, "#consoleDetach");
        Stage window = UiWait.until(WAIT, "the console's own window", () -> Optional.ofNullable(section.windows()
                .get(guest.uuid)).filter(Stage::isShowing));
        assertEquals(guest.name + " \u2014 Console", UiWait.onFx(window::getTitle));
        assertTrue(UiWait.onFx(() -> view.getScene() == window.getScene()), "the console moved into the window");
        assertTrue(UiWait.onFx(() -> robot.lookup("#consoleDetachedNote").tryQuery().isPresent()),
                "the tab says where the console went");
        awaitLit(robot, view);
        save(robot, "console-detached");
        // Closing the window (no window manager on Xvfb to click its close box) brings the console back.
        robot.interact(window::close);
        UiWait.untilTrue(WAIT, "the console back in its tab", () -> !window.isShowing()
                && view.getScene() == status.getScene() && view.getScene() == tab.getScene());
        assertEquals(VncView.Status.CONNECTED, UiWait.onFx(view::getStatus), "the session stayed up while it moved");

        // Full screen is a window of its own; leaving full screen (Esc) puts the console back in the tab.
        UiClick.on(robot, "#consoleFullscreen");
        Stage full = UiWait.until(WAIT, "the full-screen window", () -> Optional.ofNullable(section.windows()
                .get(guest.uuid)).filter(Stage::isFullScreen));
        assertTrue(UiWait.onFx(() -> view.getScene() == full.getScene()));
        robot.interact(() -> full.setFullScreen(false));
        UiWait.untilTrue(WAIT, "the console back in its tab", () -> !full.isShowing() && view.getScene() == tab.getScene());

        // Ctrl+Alt+Del from the send-key menu resets the guest; on_reboot=destroy makes that a visible stop.
        UiClick.on(robot, "#consoleSendKey");
        UiClick.on(robot, "Ctrl+Alt+Del in the open send-key menu", () -> robot.lookup(".menu-item")
                .match(n -> "sendKey-Ctrl-Alt-Del".equals(n.getId())).match(NodeQueryUtils.isVisible()).tryQuery()
                .map(item -> {
                    // Read while the menu is open: no power actions offered next to the keys.
                    assertTrue(robot.lookup(".menu-item").match(n -> "power-reboot".equals(n.getId()) && n.isVisible())
                            .tryQuery().isEmpty(), "QEMU offers no XVP: no power actions in the send-key menu");
                    return item;
                }));
        until("the console saying the VM stopped", () -> Optional.of(status.getText())
                .filter(t -> t.contains("is not running (Shut off)")), status::getText);
        save(robot, "console-stopped");

        // Started again: the console reconnects by itself.
        guest.onDomain(d -> d.create());
        VncClient afterStart = until("the console connected again", () -> view.getStatus() == VncView.Status.CONNECTED
                && status.getText().startsWith("Connected") ? Optional.of(view.getClient()) : Optional.empty(),
                () -> view.getStatus() + ", '" + status.getText() + "'");
        assertNotSame(client, afterStart);

        // Destroy + start between two polls: a new QEMU (the port may change); the console follows.
        guest.onDomain(d -> {
            d.destroy();
            d.create();
        });
        String reconnected = until("the console on the new QEMU", () -> view.getClient() != afterStart
                && view.getStatus() == VncView.Status.CONNECTED && status.getText().startsWith("Connected to 127.0.0.1:")
                ? Optional.of(status.getText()) : Optional.empty(), () -> view.getStatus() + ", '" + status.getText() + "'");
        int port = guest.vncPort();
        assertTrue(reconnected.startsWith("Connected to 127.0.0.1:" + port), reconnected + " vs port " + port);
        // A new QEMU starts in 640x480 ("not initialized"), then SeaBIOS switches to 720x400 text: the view follows.
        until("a 720x400 frame", () -> Optional.of(view.getClient()).filter(c -> c.framebuffer().width() == 720
                && c.framebuffer().height() == 400), () -> view.getClient().framebuffer().width() + "x"
                + view.getClient().framebuffer().height());
        awaitLit(robot, view);
        save(robot, "console-after-restart");
    }

    private boolean isGuestRow(Node cell) {
        return cell instanceof TreeTableRow<?> r && r.getItem() instanceof TreeRow.VmRow v && v.vm().uuid().equals(guest.uuid);
    }

    /**
     * Pixels of the view as painted on screen in SeaBIOS's grey text colour range: neither the black screen nor
     * the light letterbox around a scaled frame counts.
     */
    private static long litPixels(FxRobot robot, VncView view) {
        Bounds b = UiWait.onFx(() -> view.localToScreen(view.getBoundsInLocal()));
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

    /**
     * Waits until the guest's screen is painted in the view. Polled off the FX thread: a capture reads the screen
     * through the robot, which needs the FX thread free.
     */
    private static void awaitLit(FxRobot robot, VncView view) throws TimeoutException {
        long[] last = {0};
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> (last[0] = litPixels(robot, view)) > 200);
        } catch (TimeoutException e) {
            throw new AssertionError("the guest's screen not painted in the view within " + WAIT_S + " s: "
                    + last[0] + " lit pixels", e);
        }
    }

    private static <T> T until(String what, java.util.concurrent.Callable<Optional<T>> probe,
            java.util.concurrent.Callable<String> seen) {
        return UiExpect.until(WAIT, what, probe, seen);
    }
}
