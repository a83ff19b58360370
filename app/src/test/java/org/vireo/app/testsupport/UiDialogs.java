package org.vireo.app.testsupport;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

/**
 * Dialogs and text fields as a user meets them: a dialog found only once its window is shown, answered with its
 * own button (not a lookup of "OK" over every window, which may find one closing), and known closed before the test
 * goes on.
 */
public final class UiDialogs {
    private UiDialogs() {
    }

    /** The shown dialog whose pane {@code which} accepts, waited for (bounded). */
    public static DialogPane showing(FxRobot robot, String what, Predicate<DialogPane> which) {
        return UiWait.until(what + ", shown", () -> robot.lookup(".dialog-pane")
                .match(n -> n instanceof DialogPane p && UiClick.clickable(p) && which.test(p))
                .tryQueryAs(DialogPane.class));
    }

    /** The shown dialog whose pane has this id, waited for (bounded). */
    public static DialogPane withId(FxRobot robot, String id) {
        return showing(robot, "dialog " + id, p -> id.equals(p.getId()));
    }

    /** Clicks {@code pane}'s own button of {@code type} and waits until its window has closed. */
    public static void answer(FxRobot robot, DialogPane pane, ButtonType type) {
        String what = "the button " + type.getButtonData() + " of dialog " + pane.getId();
        UiClick.on(robot, what, () -> Optional.ofNullable(pane.lookupButton(type)));
        awaitClosed("dialog " + pane.getId() + " closed after " + what, pane);
    }

    /** Waits until the window showing {@code inside} has closed (a closed dialog may also drop its scene). */
    public static void awaitClosed(String what, Node inside) {
        UiWait.untilTrue(what, () -> inside.getScene() == null || inside.getScene().getWindow() == null
                || !inside.getScene().getWindow().isShowing());
    }

    /**
     * Replaces the text of the field {@code find} finds as a user does (click, Ctrl+A, type) and waits until the
     * field shows {@code text}: keys typed before the click gave it the focus would land elsewhere.
     */
    public static void replaceText(FxRobot robot, String what,
            Callable<? extends Optional<? extends TextInputControl>> find, String text) {
        TextInputControl field = UiClick.shown(what, () -> find.call().map(TextInputControl.class::cast));
        UiClick.focus(robot, what, () -> Optional.of(field));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        UiWait.untilTrue(what + ": all its text selected", () -> field.getSelectedText().equals(field.getText()));
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        UiExpect.equal(what + "'s text", text, field::getText);
    }
}
