package org.vireo.vnc.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class GrabReleaseTest {
    private static KeyEvent press(KeyCode code, boolean shift, boolean ctrl, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, alt, false);
    }

    @Test
    void ctrlAltReleasesOnTheSecondModifier() {
        assertTrue(VncView.GrabRelease.CTRL_ALT.releasedBy(press(KeyCode.ALT, false, true, true)));
        assertFalse(VncView.GrabRelease.CTRL_ALT.releasedBy(press(KeyCode.ALT, false, false, true)));
        assertFalse(VncView.GrabRelease.CTRL_ALT.releasedBy(press(KeyCode.A, false, true, true)), "Ctrl+Alt+A is for the guest");
    }

    @Test
    void ctrlAltShiftLeavesCtrlAltToTheGuest() {
        assertFalse(VncView.GrabRelease.CTRL_ALT_SHIFT.releasedBy(press(KeyCode.ALT, false, true, true)));
        assertTrue(VncView.GrabRelease.CTRL_ALT_SHIFT.releasedBy(press(KeyCode.SHIFT, true, true, true)));
    }
}
