package org.vireo.vnc.fx;

import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.VncClient;

/**
 * Shows the framebuffer through a {@link PixelBuffer} that wraps the framebuffer's own int array
 * (no copy), refreshing only the dirty region, and turns mouse and key events into RFB input.
 */
public class VncViewSkin extends SkinBase<VncView> {
    private static final int WHEEL_UP = 8;
    private static final int WHEEL_DOWN = 16;

    private final ImageView imageView = new ImageView();
    private final Label statusLabel = new Label();
    private final Map<String, Integer> pressedKeysyms = new HashMap<>();
    private PixelBuffer<IntBuffer> pixelBuffer;
    private Framebuffer shown;
    private int buttons;
    private int lastX = -1;
    private int lastY = -1;

    public VncViewSkin(VncView view) {
        super(view);
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        statusLabel.textProperty().bind(view.statusMessageProperty());
        statusLabel.visibleProperty().bind(view.statusProperty().isNotEqualTo(VncView.Status.CONNECTED));
        getChildren().addAll(imageView, statusLabel);
        view.bridge().setSkinSink(this::applyFrame);
        view.scaleModeProperty().addListener((obs, old, mode) -> view.requestLayout());

        imageView.addEventHandler(MouseEvent.MOUSE_MOVED, this::mouse);
        imageView.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouse);
        imageView.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            mouse(e);
        });
        imageView.addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouse);
        imageView.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> key(e, true));
        view.addEventFilter(KeyEvent.KEY_RELEASED, e -> key(e, false));
        view.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (getSkinnable().getClient() != null) {
                e.consume();
            }
        });
    }

    /** FX thread: applies what the reader thread accumulated (one call per server update batch). */
    private void applyFrame() {
        VncView.FrameBridge.Frame frame = getSkinnable().bridge().take();
        if (frame.framebuffer() != null && frame.framebuffer() != shown) {
            shown = frame.framebuffer();
            pixelBuffer = new PixelBuffer<>(shown.width(), shown.height(), IntBuffer.wrap(shown.pixels()),
                    PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(pixelBuffer));
            getSkinnable().requestLayout();
        } else if (pixelBuffer != null && frame.w() > 0 && frame.h() > 0) {
            int x = Math.min(frame.x(), shown.width());
            int y = Math.min(frame.y(), shown.height());
            Rectangle2D dirty = new Rectangle2D(x, y, Math.min(frame.w(), shown.width() - x),
                    Math.min(frame.h(), shown.height() - y));
            pixelBuffer.updateBuffer(b -> dirty);
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (shown != null) {
            boolean fit = getSkinnable().getScaleMode() == VncView.ScaleMode.FIT;
            imageView.setFitWidth(fit ? w : 0);
            imageView.setFitHeight(fit ? h : 0);
            // Unscaled, the image is copied pixel for pixel: no filtering, and whole-pixel positions so none is needed.
            imageView.setSmooth(fit);
            double iw = imageView.getLayoutBounds().getWidth();
            double ih = imageView.getLayoutBounds().getHeight();
            imageView.relocate(Math.floor(x + Math.max(0, (w - iw) / 2)), Math.floor(y + Math.max(0, (h - ih) / 2)));
        }
        statusLabel.autosize();
        statusLabel.relocate(x + (w - statusLabel.getWidth()) / 2, y + (h - statusLabel.getHeight()) / 2);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return shown == null ? 640 : shown.width() + left + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return shown == null ? 480 : shown.height() + top + bottom;
    }

    private void mouse(MouseEvent e) {
        VncClient client = getSkinnable().getClient();
        if (client == null || shown == null) {
            return;
        }
        int bit = switch (e.getButton() == null ? MouseButton.NONE : e.getButton()) {
            case PRIMARY -> 1;
            case MIDDLE -> 2;
            case SECONDARY -> 4;
            default -> 0;
        };
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            buttons |= bit;
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED) {
            buttons &= ~bit;
        }
        sendPointer(client, toFramebufferX(e.getX()), toFramebufferY(e.getY()), buttons);
        e.consume();
    }

    /**
     * Absolute position, or for servers that asked for relative motion (QEMU with only a PS/2 mouse)
     * the movement since the last event; without a pointer lock the guest cursor may drift from ours.
     */
    private void sendPointer(VncClient client, int x, int y, int mask) {
        if (client.absolutePointer()) {
            client.pointer(x, y, mask);
        } else {
            client.pointerRelative(lastX < 0 ? 0 : x - lastX, lastY < 0 ? 0 : y - lastY, mask);
        }
        lastX = x;
        lastY = y;
    }

    private void scroll(ScrollEvent e) {
        VncClient client = getSkinnable().getClient();
        if (client == null || shown == null || e.getDeltaY() == 0) {
            return;
        }
        int wheel = e.getDeltaY() > 0 ? WHEEL_UP : WHEEL_DOWN;
        int x = toFramebufferX(e.getX());
        int y = toFramebufferY(e.getY());
        sendPointer(client, x, y, buttons | wheel);
        sendPointer(client, x, y, buttons);
        e.consume();
    }

    /** Image-view local coordinates to framebuffer pixels, through the current scale. */
    int toFramebufferX(double localX) {
        double scale = shown.width() / Math.max(1, imageView.getLayoutBounds().getWidth());
        return (int) Math.floor(localX * scale);
    }

    int toFramebufferY(double localY) {
        double scale = shown.height() / Math.max(1, imageView.getLayoutBounds().getHeight());
        return (int) Math.floor(localY * scale);
    }

    private void key(KeyEvent e, boolean down) {
        VncView view = getSkinnable();
        VncClient client = view.getClient();
        if (client == null) {
            return;
        }
        if (view.isGrab() && down && view.getGrabRelease().releasedBy(e)) {
            view.setGrab(false); // the visible release combination; the keys still reach the guest
        }
        String name = FxKeyNames.linuxName(e.getCode()).orElse(null);
        if (name == null) {
            return;
        }
        int keysym;
        if (down) {
            keysym = keysymOf(e.getText());
            pressedKeysyms.put(name, keysym);
        } else {
            Integer pressed = pressedKeysyms.remove(name);
            keysym = pressed == null ? 0 : pressed;
        }
        client.key(name, keysym, down);
        e.consume();
    }

    /** X11 keysym of the typed character: Latin-1 as is, other Unicode as 0x01000000 + code point. */
    static int keysymOf(String text) {
        if (text == null || text.codePointCount(0, text.length()) != 1) {
            return 0;
        }
        int cp = text.codePointAt(0);
        if (cp < 0x20 || cp == 0x7F) {
            return 0;
        }
        return cp <= 0xFF ? cp : 0x01000000 | cp;
    }
}
