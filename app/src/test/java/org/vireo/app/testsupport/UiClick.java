package org.vireo.app.testsupport;

import java.util.Optional;
import java.util.concurrent.Callable;
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

    /** Clicks the first node the TestFX {@code query} finds (in any window), once it is clickable. */
    public static void on(FxRobot robot, String query) {
        on(robot, query, () -> robot.lookup(query).tryQuery());
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
        Node field = UiWait.until(what + ", shown and enabled",
                () -> find.call().filter(UiClick::clickable).map(Node.class::cast));
        on(robot, what, () -> Optional.of(field));
        UiWait.untilTrue(what + " has the keyboard focus", field::isFocused);
    }

    /** The node {@code find} finds, once it is clickable (for a test that goes on using it). */
    public static <T extends Node> T shown(String what, Callable<Optional<T>> find) {
        return UiWait.until(what + ", shown and enabled", () -> find.call().filter(UiClick::clickable));
    }

    /** True when a user could click {@code node} now; call on the FX thread. */
    public static boolean clickable(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing() || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds bounds = node.getLayoutBounds();
        return bounds.getWidth() > 0 && bounds.getHeight() > 0 && node.localToScreen(bounds) != null;
    }

    private static Point2D clickablePoint(String what, Callable<? extends Optional<? extends Node>> find) {
        return UiWait.until(what + ", shown and enabled", () -> find.call().filter(UiClick::clickable)
                .map(node -> {
                    Bounds screen = node.localToScreen(node.getLayoutBounds());
                    return new Point2D(screen.getCenterX(), screen.getCenterY());
                }));
    }
}
