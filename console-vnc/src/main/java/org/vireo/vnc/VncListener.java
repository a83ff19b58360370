package org.vireo.vnc;

import java.util.Optional;

/**
 * Session events, delivered on the session's reader thread (never the FX thread): implementations
 * that touch a UI must hand over to it themselves and must not block.
 */
public interface VncListener {
    /** The framebuffer was replaced by one of this size (also called once after ServerInit). */
    default void onResize(int width, int height) {
    }

    /** A region of the current framebuffer changed. */
    default void onFramebufferUpdated(int x, int y, int width, int height) {
    }

    /** A whole FramebufferUpdate message has been applied (a good moment to repaint). */
    default void onUpdateBatchComplete() {
    }

    /** A new local cursor shape: opaque-or-transparent ARGB pixels, w×h, with its hot spot. */
    default void onCursor(int[] argb, int width, int height, int hotX, int hotY) {
    }

    /** The server refused this client's SetDesktopSize (ExtendedDesktopSize status code). */
    default void onDesktopSizeRefused(int status) {
    }

    default void onBell() {
    }

    default void onClipboard(String text) {
    }

    /** The server switched between absolute (true) and relative pointer events. */
    default void onPointerModeChanged(boolean absolute) {
    }

    /** Keyboard lock LEDs: bit 0 scroll lock, bit 1 num lock, bit 2 caps lock. */
    default void onLedState(int leds) {
    }

    /** The server offers XVP power actions ({@link VncClient#xvp}). */
    default void onXvpAvailable() {
    }

    /** The server refused or failed the last XVP power action. */
    default void onXvpFailed() {
    }

    /** The session ended: empty when closed by this client, otherwise the error. */
    default void onClosed(Optional<Throwable> error) {
    }
}
