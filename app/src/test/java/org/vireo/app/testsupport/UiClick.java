package org.vireo.app.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;

/**
 * Clicks only what a user could click: a node in a showing window, visible, laid out with a size and enabled.
 *
 * <p>Why: on a loaded machine a node can be found before its window is shown or its first layout pass has run (CI
 * clicked a field found so, and the click went nowhere). Each click here first waits ({@link UiWait#LIMIT}) until
 * its target is clickable, reading it on the FX thread, and clicks the point it found then: a row recycled after
 * that read is not looked up again.
 */
public final class UiClick {
    private UiClick() {
    }

    /** A node found clickable and at rest, and the centre on screen it had then (where to press). */
    public record Target<T extends Node>(T node, Point2D point) {
    }

    /** Clicks the node {@code find} finds, once it is clickable; returns that node. */
    public static <T extends Node> T on(FxRobot robot, String what, Callable<? extends Optional<? extends T>> find) {
        Target<T> target = atRest(what, find);
        robot.clickOn(target.point(), MouseButton.PRIMARY);
        return target.node();
    }

    /** Clicks a node the TestFX {@code query} finds (in any window), once one of them is clickable; returns it. */
    public static Node on(FxRobot robot, String query) {
        return on(robot, query, () -> firstClickable(robot, query));
    }

    /** Clicks {@code node}, once it is clickable. */
    public static void on(FxRobot robot, Node node) {
        on(robot, String.valueOf(node), () -> Optional.of(node));
    }

    /**
     * Clicks a menu item (found by {@code query}) once shown, and waits until its menu has closed: a menu still
     * closing would swallow the next right-click, and a lookup of its items would find this one.
     */
    public static void onMenuItem(FxRobot robot, String query) {
        Node item = on(robot, query, () -> firstClickable(robot, query));
        UiDialogs.awaitClosed("the menu of " + query + " closed", item);
    }

    /** Right-clicks the node {@code find} finds, once it is clickable. */
    public static void secondary(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        robot.clickOn(atRest(what, find).point(), MouseButton.SECONDARY);
    }

    /** Double-clicks the node {@code find} finds, once it is clickable. */
    public static void twice(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        robot.doubleClickOn(atRest(what, find).point(), MouseButton.PRIMARY);
    }

    /**
     * Clicks the text field {@code find} finds, once clickable, and waits until it has the keyboard focus: keys
     * typed before the click has landed would go to whatever had the focus before.
     */
    public static void focus(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        Node field = on(robot, what, find);
        UiWait.untilTrue(what + " has the keyboard focus", field::isFocused);
    }

    /** The first node the TestFX {@code query} finds (in any window), once it is clickable. */
    public static Node shown(FxRobot robot, String query) {
        return shown(query, () -> firstClickable(robot, query));
    }

    /** The node {@code find} finds, once it is clickable (for a test that goes on using it). */
    public static <T extends Node> T shown(String what, Callable<? extends Optional<? extends T>> find) {
        return UiClick.<T>atRest(what, find).node();
    }

    /** The first clickable node {@code query} finds, else the first it finds (so a failure can say why). */
    public static Optional<Node> firstClickable(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(UiClick::clickable).findFirst()
                .or(() -> robot.lookup(query).tryQuery());
    }

    /** True when a user could click {@code node} now; call on the FX thread. */
    public static boolean clickable(Node node) {
        return whyNotClickable(node).isEmpty();
    }

    /** Why a user could not click {@code node} now, if so; call on the FX thread. */
    private static Optional<String> whyNotClickable(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return Optional.of("its window is not showing");
        }
        if (node.isDisabled()) {
            return Optional.of("it is disabled");
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return Optional.of("it is hidden" + (n == node ? "" : " in " + n));
            }
        }
        Bounds bounds = node.getLayoutBounds();
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0 || node.localToScreen(bounds) == null) {
            return Optional.of("it is not laid out: " + bounds);
        }
        return Optional.empty();
    }

    /**
     * The node {@code find} finds once clickable and at rest, with its centre on screen: found at the same place by
     * two looks in a row with a pulse between them, since a header growing in (tabs animate as they are added) or a
     * list still laying out would move it between the look and the press. Two looks within one frame saw a growing
     * tab header at rest, and CI's click then landed on its neighbour. A drag presses and releases on such points.
     */
    public static <T extends Node> Target<T> atRest(String what, Callable<? extends Optional<? extends T>> find) {
        return atRest(UiWait.LIMIT, what, find);
    }

    /** As {@link #atRest(String, Callable)} with its own time limit (a guest's first screen under TCG, say). */
    public static <T extends Node> Target<T> atRest(Duration limit, String what,
            Callable<? extends Optional<? extends T>> find) {
        AtomicReference<String> last = new AtomicReference<>("nothing found");
        AtomicReference<Look<T>> previous = new AtomicReference<>();
        PulseCount pulses = new PulseCount();
        try {
            return UiWait.until(limit, what + ", shown, enabled and at rest", () -> {
                Optional<? extends T> found = find.call();
                last.set(found.map(node -> node + ": " + whyNotClickable(node).orElse("clickable"))
                        .orElse("nothing found"));
                Optional<Look<T>> now = found.filter(UiClick::clickable).map(node -> {
                    Bounds screen = node.localToScreen(node.getLayoutBounds());
                    return new Look<T>(new Target<T>(node, new Point2D(screen.getCenterX(), screen.getCenterY())),
                            pulses.of(node.getScene()));
                });
                Look<T> before = previous.getAndSet(now.orElse(null));
                return now.filter(look -> before != null && look.target().equals(before.target())
                        && look.pulse() > before.pulse()).map(Look::target);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e.getCause());
        } finally {
            UiWait.onFx(() -> {
                pulses.close();
                return null;
            });
        }
    }

    /** A target as one look saw it, and how many of its scene's pulses had run by then. */
    private record Look<T extends Node>(Target<T> target, long pulse) {
    }

    /** Counts the layout pulses of the scene looked at, asking for one at each look (a scene at rest has none). */
    private static final class PulseCount {
        private final AtomicLong count = new AtomicLong();
        private final Runnable counter = count::incrementAndGet;
        private Scene scene;

        /** The pulses counted so far in {@code of}; call on the FX thread. */
        long of(Scene of) {
            if (of != scene) {
                close();
                scene = of;
                scene.addPostLayoutPulseListener(counter);
            }
            Platform.requestNextPulse();
            return count.get();
        }

        void close() {
            if (scene != null) {
                scene.removePostLayoutPulseListener(counter);
                scene = null;
            }
        }
    }
}
