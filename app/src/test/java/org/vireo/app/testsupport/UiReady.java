package org.vireo.app.testsupport;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * Waits built on {@link UiWait} for the two other races of loaded CI machines.
 *
 * <p>A node can be found a moment before its window is on screen, before it is laid out, or while it is still
 * disabled; a click then misses it (CI failed so on an auth dialog's field). {@link #click} waits until the node is
 * ready for the robot. And a state asserted in the instant after a click or key press may not be there yet:
 * {@link #untilChecked} waits for the checks to pass and, when they never do, fails with the last one that did not,
 * so the message says what was expected and what was seen.
 */
public final class UiReady {
    private UiReady() {
    }

    /** Waits until {@code find} (run on the FX thread) returns a node that is shown and enabled, and returns it. */
    public static <T extends Node> T toUse(String what, Callable<Optional<T>> find) {
        return UiWait.until(what + ", shown and enabled", () -> find.call().filter(UiReady::usable));
    }

    /** Waits until the node {@code query} finds in the showing windows is shown and enabled, and returns it. */
    public static Node toUse(FxRobot robot, String query) {
        return toUse(query, () -> robot.lookup(query).match(UiReady::usable).tryQuery());
    }

    /** Waits as {@link #toUse} does, then clicks the node; returns it. */
    public static <T extends Node> T click(FxRobot robot, String what, Callable<Optional<T>> find) {
        T node = toUse(what, find);
        robot.clickOn(node);
        return node;
    }

    /** Waits until the node {@code query} finds in the showing windows is shown and enabled, then clicks it. */
    public static Node click(FxRobot robot, String query) {
        Node node = toUse(robot, query);
        robot.clickOn(node);
        return node;
    }

    /**
     * Reads {@code read} on the FX thread until {@code check} (assertions) accepts what it read, and returns that
     * value; after {@link UiWait#LIMIT} fails naming {@code what}, caused by the last failed check.
     */
    public static <T> T untilChecked(String what, Callable<T> read, Consumer<? super T> check) {
        return UiWait.until(what, () -> {
            T seen = read.call();
            check.accept(seen);
            return Optional.of(seen);
        });
    }

    /** In a showing window, visible up to its scene's root and inside the scene, and not disabled. */
    public static boolean usable(Node node) {
        Scene scene = node.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing()
                && NodeQueryUtils.isVisible().test(node) && !node.isDisabled();
    }
}
