package org.vireo.app.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * Acting on a node only once the user could: shown in a showing window, enabled, laid out and not moving; and
 * waits that say what they last saw. Built on {@link UiWait}, so every look is taken on the FX thread.
 *
 * <p>Why: a node can be in the scene a moment before its window is on screen, or move under the pointer while a
 * layout pass settles (CI clicked an auth dialog's field before its window was shown). The point to press is read
 * on the FX thread together with the checks, never from the node again afterwards.
 */
public final class UiSteps {
    private UiSteps() {
    }

    /** A node as it was on screen at one instant: where to point at it. */
    public record Spot<T extends Node>(T node, Bounds bounds) {
        public Point2D centre() {
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        }
    }

    /**
     * Waits until {@code probe} finds a node that is visible in a showing window, enabled, has a size, and sits at
     * the same place on screen as at the previous look (a pulse apart, so it is not being laid out or scrolled).
     */
    public static <T extends Node> Spot<T> ready(String what, Callable<Optional<T>> probe) {
        return ready(UiWait.LIMIT, what, probe);
    }

    /** As {@link #ready(String, Callable)} with its own time limit. */
    public static <T extends Node> Spot<T> ready(Duration limit, String what, Callable<Optional<T>> probe) {
        AtomicReference<Spot<T>> previous = new AtomicReference<>();
        return UiWait.until(limit, what + ", shown, enabled and still", () -> {
            Optional<Spot<T>> now = probe.call().filter(UiSteps::usable)
                    .map(n -> new Spot<>(n, n.localToScreen(n.getBoundsInLocal())))
                    .filter(s -> s.bounds() != null && s.bounds().getWidth() > 0 && s.bounds().getHeight() > 0);
            Spot<T> before = previous.getAndSet(now.orElse(null));
            return now.filter(s -> before != null && before.node() == s.node() && before.bounds().equals(s.bounds()));
        });
    }

    /** Clicks the centre of the node {@code probe} finds, once it is {@link #ready}; returns that node. */
    public static <T extends Node> T click(FxRobot robot, String what, Callable<Optional<T>> probe,
            MouseButton... buttons) {
        Spot<T> spot = ready(what, probe);
        robot.clickOn(spot.centre(), buttons);
        return spot.node();
    }

    /** Clicks the node with this CSS selector (an id, usually) in any window, once it is {@link #ready}. */
    public static Node click(FxRobot robot, String query) {
        return click(robot, query, () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery());
    }

    /**
     * As {@link UiWait#until(Duration, String, Callable)}, and a failure also tells what {@code seen} read (on the
     * FX thread) at the end, so a red CI run says what the window showed instead.
     */
    public static <T> T until(Duration limit, String what, Callable<Optional<T>> probe, Callable<String> seen) {
        try {
            return UiWait.until(limit, what, probe);
        } catch (AssertionError e) {
            String last;
            try {
                last = UiWait.onFx(seen);
            } catch (RuntimeException | AssertionError readFailed) {
                last = "(could not read: " + readFailed + ")";
            }
            AssertionError withSeen = new AssertionError(e.getMessage() + "; last seen: " + last, e.getCause());
            withSeen.setStackTrace(e.getStackTrace());
            throw withSeen;
        }
    }

    /** As {@link #until(Duration, String, Callable, Callable)} for a condition. */
    public static void untilTrue(Duration limit, String what, Callable<Boolean> condition, Callable<String> seen) {
        until(limit, what, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty(), seen);
    }

    private static boolean usable(Node node) {
        return NodeQueryUtils.isVisible().test(node) && !node.isDisabled();
    }
}
