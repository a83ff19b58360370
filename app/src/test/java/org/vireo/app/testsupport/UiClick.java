package org.vireo.app.testsupport;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
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

    /** Clicks the node {@code find} finds, once it is clickable. */
    public static void on(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        robot.clickOn(clickablePoint(what, find), MouseButton.PRIMARY);
    }

    /** Clicks a node the TestFX {@code query} finds (in any window), once one of them is clickable. */
    public static void on(FxRobot robot, String query) {
        on(robot, query, () -> firstClickable(robot, query));
    }

    /**
     * Clicks a menu item (found by {@code query}) once shown, and waits until its menu has closed: a menu still
     * closing would swallow the next right-click, and a lookup of its items would find this one.
     */
    public static void onMenuItem(FxRobot robot, String query) {
        Node item = shown(query, () -> firstClickable(robot, query));
        on(robot, item);
        UiDialogs.awaitClosed("the menu of " + query + " closed", item);
    }

    /** The first clickable node {@code query} finds, else the first it finds (so a failure can say why). */
    public static Optional<Node> firstClickable(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(UiClick::clickable).findFirst()
                .or(() -> robot.lookup(query).tryQuery());
    }

    /** Clicks {@code node}, once it is clickable. */
    public static void on(FxRobot robot, Node node) {
        on(robot, String.valueOf(node), () -> Optional.of(node));
    }

    /** Right-clicks the node {@code find} finds, once it is clickable. */
    public static void secondary(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        robot.clickOn(clickablePoint(what, find), MouseButton.SECONDARY);
    }

    /** Double-clicks the node {@code find} finds, once it is clickable. */
    public static void twice(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        robot.doubleClickOn(clickablePoint(what, find), MouseButton.PRIMARY);
    }

    /**
     * Clicks the text field {@code find} finds, once clickable, and waits until it has the keyboard focus: keys
     * typed before the click has landed would go to whatever had the focus before.
     */
    public static void focus(FxRobot robot, String what, Callable<? extends Optional<? extends Node>> find) {
        Node field = shown(what, () -> find.call().map(Node.class::cast));
        on(robot, what, () -> Optional.of(field));
        UiWait.untilTrue(what + " has the keyboard focus", field::isFocused);
    }

    /** The node {@code find} finds, once it is clickable (for a test that goes on using it). */
    public static <T extends Node> T shown(String what, Callable<Optional<T>> find) {
        // The wait ends on the probe that found it clickable, so the last node found is that one.
        AtomicReference<T> last = new AtomicReference<>();
        clickablePoint(what, () -> find.call().map(node -> {
            last.set(node);
            return node;
        }));
        return last.get();
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
     * The centre on screen of the node {@code find} finds, once clickable and at rest: found at the same place by two
     * looks in a row, since a header growing in (tabs animate as they are added) or a list still laying out would
     * move it between the look and the click.
     */
    private static Point2D clickablePoint(String what, Callable<? extends Optional<? extends Node>> find) {
        AtomicReference<String> last = new AtomicReference<>("nothing found");
        AtomicReference<Bounds> previous = new AtomicReference<>();
        try {
            return UiWait.until(what + ", shown, enabled and at rest", () -> {
                Optional<? extends Node> found = find.call();
                last.set(found.map(node -> node + ": " + whyNotClickable(node).orElse("clickable"))
                        .orElse("nothing found"));
                Optional<Bounds> screen = found.filter(UiClick::clickable)
                        .map(node -> node.localToScreen(node.getLayoutBounds()));
                Bounds before = previous.getAndSet(screen.orElse(null));
                return screen.filter(bounds -> bounds.equals(before))
                        .map(bounds -> new Point2D(bounds.getCenterX(), bounds.getCenterY()));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e.getCause());
        }
    }
}
