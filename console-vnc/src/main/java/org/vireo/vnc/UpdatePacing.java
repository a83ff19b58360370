package org.vireo.vnc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * How updates are asked for (rfbproto Fence -312 and ContinuousUpdates -313). By default the client asks
 * for the next incremental update as soon as the previous one starts arriving, so the server encodes the
 * next frame while this one is decoded. A server that offers continuous updates (TigerVNC, with fences)
 * instead pushes updates as fast as it makes them; it paces itself with fence round trips, which the
 * reader answers in stream order, i.e. once every update before the fence has been decoded.
 * Reader-thread state, apart from {@link #continuous()}.
 */
final class UpdatePacing {
    static final int FENCE_MESSAGE = 248;
    static final int END_OF_CONTINUOUS_UPDATES = 150;
    /** rfbproto: a fence carries at most 64 bytes of payload. */
    static final int MAX_FENCE_PAYLOAD = 64;
    static final int FENCE_BLOCK_BEFORE = 1;
    static final int FENCE_SYNC_NEXT = 1 << 2;
    static final int FENCE_REQUEST = 1 << 31;

    private final Consumer<byte[]> send;
    private final boolean fenceAnnounced;
    private final boolean continuousAnnounced;
    /** Set once continuous updates were enabled; never enabled twice, so a hostile server cannot loop us. */
    private boolean enabledOnce;
    private volatile boolean continuous;

    UpdatePacing(VncOptions options, Consumer<byte[]> send) {
        this.send = send;
        this.fenceAnnounced = options.pseudoEncodings().contains(Encoding.FENCE);
        this.continuousAnnounced = options.pseudoEncodings().contains(Encoding.CONTINUOUS_UPDATES);
    }

    /** True while the server pushes updates without requests. Any thread. */
    boolean continuous() {
        return continuous;
    }

    /**
     * A server Fence (type byte already read): a request is answered with its payload and no flags, as TigerVNC's
     * own viewer does. The reader handles messages strictly in order, so BlockBefore, BlockAfter and SyncNext hold
     * anyway; echoing them back made Xvnc 1.12 stop sending continuous updates after two frames (measured).
     */
    void fence(RfbInput in) throws IOException {
        if (!fenceAnnounced) {
            throw new VncProtocolException("server sent a Fence although the client did not announce fences");
        }
        in.skip(3);
        int flags = in.s32();
        int length = in.u8();
        if (length > MAX_FENCE_PAYLOAD) {
            throw new VncProtocolException("Fence payload of " + length + " bytes exceeds the limit of "
                    + MAX_FENCE_PAYLOAD);
        }
        byte[] payload = new byte[length];
        in.readFully(payload, 0, length);
        if ((flags & FENCE_REQUEST) != 0) {
            send.accept(fenceMessage(0, payload));
        }
        // a response would answer a fence of ours; this client sends none, so there is nothing to match
    }

    /**
     * EndOfContinuousUpdates (type byte already read). The first one says the server offers continuous updates:
     * they are enabled over the whole framebuffer. One while enabled means the server stopped them: requests
     * resume (and the caller sends one).
     *
     * @return true if the caller must send an update request now
     */
    boolean endOfContinuousUpdates(Framebuffer fb) throws VncProtocolException {
        if (!continuousAnnounced) {
            throw new VncProtocolException(
                    "server sent EndOfContinuousUpdates although the client did not announce continuous updates");
        }
        if (continuous) {
            continuous = false;
            return true;
        }
        if (!enabledOnce && fenceAnnounced) { // without fences the server has no way to pace itself
            enabledOnce = true;
            continuous = true;
            send.accept(enableMessage(true, 0, 0, fb.width(), fb.height()));
        }
        return false;
    }

    /** The framebuffer changed size: continuous updates must cover the new area. */
    void resized(int width, int height) {
        if (continuous) {
            send.accept(enableMessage(true, 0, 0, width, height));
        }
    }

    static byte[] fenceMessage(int flags, byte[] payload) {
        return ByteBuffer.allocate(9 + payload.length).put((byte) FENCE_MESSAGE).put(new byte[3]).putInt(flags)
                .put((byte) payload.length).put(payload).array();
    }

    static byte[] enableMessage(boolean enable, int x, int y, int w, int h) {
        return ByteBuffer.allocate(10).put((byte) END_OF_CONTINUOUS_UPDATES).put((byte) (enable ? 1 : 0))
                .putShort((short) x).putShort((short) y).putShort((short) w).putShort((short) h).array();
    }
}
