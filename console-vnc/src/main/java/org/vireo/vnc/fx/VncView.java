package org.vireo.vnc.fx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.ImageCursor;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.FramebufferImage;
import org.vireo.vnc.VncClient;
import org.vireo.vnc.XvpAction;
import org.vireo.vnc.VncListener;
import org.vireo.vnc.keys.KeyCombo;

/**
 * A JavaFX control showing one VNC session. The owner connects a {@link VncClient} off the FX thread
 * and hands it over with {@link #attach}; the view then shows the framebuffer (only dirty regions are
 * refreshed, one FX pulse per server update) and forwards mouse and keyboard while focused.
 * All methods are for the FX thread unless stated otherwise.
 */
public class VncView extends Control {
    public enum ScaleMode { FIT, ONE_TO_ONE }

    public enum Status { IDLE, CONNECTING, CONNECTED, CLOSED }

    /** Pressing these together releases a keyboard grab: the default one. */
    public static final String GRAB_RELEASE_HINT = "Ctrl+Alt";

    /** The keys that, pressed together, release a keyboard grab (they still reach the guest). */
    public enum GrabRelease {
        CTRL_ALT("Ctrl+Alt", false), CTRL_ALT_SHIFT("Ctrl+Alt+Shift", true);

        private final String keys;
        private final boolean shift;

        GrabRelease(String keys, boolean shift) {
            this.keys = keys;
            this.shift = shift;
        }

        /** The combination as users read it ("Ctrl+Alt"): key names, the same in every language. */
        public String keys() {
            return keys;
        }

        /** Whether these modifiers are down, the last key pressed being one of them. */
        boolean releasedBy(KeyEvent e) {
            KeyCode code = e.getCode();
            boolean modifier = code == KeyCode.CONTROL || code == KeyCode.ALT
                    || shift && code == KeyCode.SHIFT;
            return modifier && e.isControlDown() && e.isAltDown() && (!shift || e.isShiftDown());
        }
    }

    /** The view's own look (vnc-view.css): an opaque black surround, light status text. */
    private static final String USER_AGENT_STYLESHEET =
            VncView.class.getResource("vnc-view.css").toExternalForm();

    private final ObjectProperty<ScaleMode> scaleMode = new SimpleObjectProperty<>(this, "scaleMode", ScaleMode.FIT);
    private final BooleanProperty grab = new SimpleBooleanProperty(this, "grab", false);
    private final ObjectProperty<GrabRelease> grabRelease =
            new SimpleObjectProperty<>(this, "grabRelease", GrabRelease.CTRL_ALT);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.IDLE);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyObjectWrapper<VncClient> client = new ReadOnlyObjectWrapper<>(this, "client");
    private final ReadOnlyStringWrapper remoteClipboard = new ReadOnlyStringWrapper(this, "remoteClipboard", "");
    private final ReadOnlyBooleanWrapper powerActions = new ReadOnlyBooleanWrapper(this, "powerActions", false);
    private final BooleanProperty shareClipboard = new SimpleBooleanProperty(this, "shareClipboard", true);
    /** The text last exchanged with the server either way (FX thread), so a copy does not echo back. */
    private String lastClipboard;
    private final FrameBridge bridge = new FrameBridge();

    public VncView() {
        getStyleClass().add("vnc-view");
        setFocusTraversable(true);
        // The local clipboard goes to the server when the view gets focus (the user is about to paste there);
        // the server's goes to the local clipboard as soon as it changes.
        focusedProperty().addListener((o, was, now) -> {
            if (now) {
                sendLocalClipboard();
            }
        });
        remoteClipboard.addListener((o, was, text) -> {
            if (shareClipboard.get() && text != null && !text.equals(lastClipboard)) {
                lastClipboard = text;
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
    }

    @Override
    public String getUserAgentStylesheet() {
        return USER_AGENT_STYLESHEET;
    }

    /** Whether text is copied between the local clipboard and the server's (default true). */
    public BooleanProperty shareClipboardProperty() {
        return shareClipboard;
    }

    /** Sends the local clipboard's text to the server if it changed since the last exchange (FX thread). */
    public void sendLocalClipboard() {
        VncClient c = client.get();
        Clipboard local = Clipboard.getSystemClipboard();
        if (c == null || !shareClipboard.get() || !local.hasString()) {
            return;
        }
        String text = local.getString();
        if (text != null && !text.equals(lastClipboard)) {
            lastClipboard = text;
            c.clipboard(text);
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new VncViewSkin(this);
    }

    /** Shows "connecting" while the owner runs {@link VncClient#connect()} elsewhere. */
    public void showConnecting(String where) {
        status.set(Status.CONNECTING);
        statusMessage.set("Connecting to " + where);
    }

    /** Shows a connection that failed before it could be attached. */
    public void showFailure(Throwable error) {
        status.set(Status.CLOSED);
        statusMessage.set(describe(error));
    }

    /** Displays a connected client; the previous one (if any) is detached, not closed. */
    public void attach(VncClient newClient) {
        detach();
        client.set(newClient);
        bridge.attached = newClient;
        newClient.addListener(bridge);
        status.set(Status.CONNECTED);
        statusMessage.set("Connected to " + newClient.desktopName());
        powerActions.set(newClient.xvpAvailable());
        bridge.resized(newClient.framebuffer());
    }

    /** Stops displaying the current client without closing it. */
    public void detach() {
        VncClient old = client.get();
        if (old != null) {
            old.removeListener(bridge);
            bridge.attached = null;
            client.set(null);
            powerActions.set(false);
        }
    }

    /** Sends a key combination (send-key menu). */
    public void sendCombo(KeyCombo combo) {
        VncClient c = client.get();
        if (c != null) {
            c.sendCombo(combo);
        }
    }

    /** True while the attached server offers XVP power actions (shutdown, reboot, reset). */
    public ReadOnlyBooleanProperty powerActionsAvailableProperty() {
        return powerActions.getReadOnlyProperty();
    }

    /** Asks the server for a power action; ignored unless {@link #powerActionsAvailableProperty()} is true. */
    public void power(XvpAction action) {
        VncClient c = client.get();
        if (c != null && c.xvpAvailable()) {
            c.xvp(action);
        }
    }

    /** Writes the current frame to a PNG file. Any thread; it does disk I/O, so not the FX thread. */
    public void snapshotPng(Path file) throws IOException {
        VncClient c = client.get();
        if (c == null) {
            throw new IOException("no VNC session to take a screenshot of");
        }
        FramebufferImage.writePng(c.framebuffer(), file);
    }

    public ObjectProperty<ScaleMode> scaleModeProperty() {
        return scaleMode;
    }

    public ScaleMode getScaleMode() {
        return scaleMode.get();
    }

    public void setScaleMode(ScaleMode mode) {
        scaleMode.set(mode);
    }

    /** While true, every key goes to the remote desktop (no local accelerators) until the {@link #grabReleaseProperty() release keys}. */
    public BooleanProperty grabProperty() {
        return grab;
    }

    /** Which keys release the grab; never null. */
    public ObjectProperty<GrabRelease> grabReleaseProperty() {
        return grabRelease;
    }

    public GrabRelease getGrabRelease() {
        return grabRelease.get() == null ? GrabRelease.CTRL_ALT : grabRelease.get();
    }

    public boolean isGrab() {
        return grab.get();
    }

    public void setGrab(boolean value) {
        grab.set(value);
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Status getStatus() {
        return status.get();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public VncClient getClient() {
        return client.get();
    }

    public ReadOnlyObjectProperty<VncClient> clientProperty() {
        return client.getReadOnlyProperty();
    }

    /** Text the remote side put on its clipboard (ServerCutText). */
    public ReadOnlyStringProperty remoteClipboardProperty() {
        return remoteClipboard.getReadOnlyProperty();
    }

    FrameBridge bridge() {
        return bridge;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /**
     * Collects what the reader thread reports and hands it to the FX thread in one runLater per batch:
     * the union of dirty rectangles, the latest framebuffer, cursor and status.
     */
    final class FrameBridge implements VncListener {
        private final Object lock = new Object();
        private boolean scheduled;
        private Framebuffer newFramebuffer;
        private int dirtyX0 = Integer.MAX_VALUE;
        private int dirtyY0 = Integer.MAX_VALUE;
        private int dirtyX1;
        private int dirtyY1;
        private Runnable skinSink = () -> { };
        /** The client as seen from the reader thread (the property is for the FX thread). */
        private volatile VncClient attached;

        /** What the skin applies on the FX thread. */
        record Frame(Framebuffer framebuffer, int x, int y, int w, int h) {
        }

        void setSkinSink(Runnable sink) {
            skinSink = sink;
        }

        void resized(Framebuffer fb) {
            synchronized (lock) {
                newFramebuffer = fb;
            }
            schedule();
        }

        /** Takes what accumulated since the last call (FX thread). */
        Frame take() {
            synchronized (lock) {
                scheduled = false;
                Frame f = new Frame(newFramebuffer, dirtyX0, dirtyY0,
                        Math.max(0, dirtyX1 - dirtyX0), Math.max(0, dirtyY1 - dirtyY0));
                newFramebuffer = null;
                dirtyX0 = Integer.MAX_VALUE;
                dirtyY0 = Integer.MAX_VALUE;
                dirtyX1 = 0;
                dirtyY1 = 0;
                return f;
            }
        }

        @Override
        public void onResize(int width, int height) {
            VncClient c = attached;
            if (c != null) {
                resized(c.framebuffer());
            }
        }

        @Override
        public void onFramebufferUpdated(int x, int y, int w, int h) {
            synchronized (lock) {
                dirtyX0 = Math.min(dirtyX0, x);
                dirtyY0 = Math.min(dirtyY0, y);
                dirtyX1 = Math.max(dirtyX1, x + w);
                dirtyY1 = Math.max(dirtyY1, y + h);
            }
        }

        @Override
        public void onUpdateBatchComplete() {
            schedule();
        }

        private void schedule() {
            synchronized (lock) {
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            Platform.runLater(() -> skinSink.run());
        }

        @Override
        public void onCursor(int[] argb, int width, int height, int hotX, int hotY) {
            Platform.runLater(() -> {
                if (width == 0 || height == 0) {
                    setCursor(Cursor.NONE);
                    return;
                }
                WritableImage shape = new WritableImage(width, height);
                shape.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
                setCursor(new ImageCursor(shape, hotX, hotY));
            });
        }

        @Override
        public void onXvpAvailable() {
            VncClient c = attached;
            Platform.runLater(() -> powerActions.set(c != null && c == client.get()));
        }

        @Override
        public void onClipboard(String text) {
            Platform.runLater(() -> remoteClipboard.set(text));
        }

        @Override
        public void onClosed(Optional<Throwable> error) {
            Platform.runLater(() -> {
                status.set(Status.CLOSED);
                statusMessage.set(error.map(e -> "Disconnected: " + describe(e)).orElse("Disconnected"));
            });
        }
    }
}
