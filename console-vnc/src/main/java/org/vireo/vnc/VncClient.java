package org.vireo.vnc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.vireo.vnc.encoding.CopyRectDecoder;
import org.vireo.vnc.encoding.HextileDecoder;
import org.vireo.vnc.encoding.RawDecoder;
import org.vireo.vnc.encoding.RectDecoder;
import org.vireo.vnc.encoding.RreDecoder;
import org.vireo.vnc.encoding.TightDecoder;
import org.vireo.vnc.encoding.ZlibDecoder;
import org.vireo.vnc.encoding.ZrleDecoder;
import org.vireo.vnc.keys.KeyMap;

/**
 * One RFB session over any byte stream pair (a Socket, an SSH channel, pipes in tests).
 * <p>
 * {@link #connect()} runs the handshake on the calling thread (never the FX thread), then a daemon
 * reader thread applies server messages to the {@link Framebuffer} and a daemon writer thread sends
 * client messages, so the input methods ({@link #pointer}, {@link #key}, ...) never block. Listeners
 * are called on the reader thread.
 */
public final class VncClient implements Closeable {
    static final int MAX_REASON = 64 * 1024;
    static final int MAX_CUT_TEXT = 16 * 1024 * 1024;
    private static final int OUTBOX_CAPACITY = 8192;
    private static final int XVP_MESSAGE = 250;
    private static final int XVP_FAIL = 0;
    private static final int XVP_INIT = 1;
    private static final VncListener[] NO_LISTENERS = {};

    static {
        // before any TLS class loads, or the JDK never lets VeNCrypt's anonymous TLS subtypes through
        AnonymousTls.allow();
    }

    private final InputStream rawIn;
    private final OutputStream rawOut;
    /** The session's streams: the raw ones, or TLS over them after VeNCrypt; set before the threads start. */
    private OutputStream out;
    private RfbInput in;
    private final VncOptions options;
    private final UpdatePacing pacing;
    private final KeyMap keyMap = KeyMap.standard();
    private final List<VncListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(OUTBOX_CAPACITY);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<Integer, LongAdder> rectangles = new ConcurrentHashMap<>();
    private final Map<Integer, RectDecoder> decoders = Map.of(
            Encoding.RAW, new RawDecoder(), Encoding.COPY_RECT, new CopyRectDecoder(),
            Encoding.RRE, new RreDecoder(), Encoding.HEXTILE, new HextileDecoder(),
            Encoding.ZLIB, new ZlibDecoder(), Encoding.ZRLE, new ZrleDecoder(), Encoding.TIGHT, new TightDecoder());

    private volatile Framebuffer framebuffer;
    private volatile String desktopName = "";
    private volatile String protocolVersion = "";
    private volatile String security = "";
    /** The server's extended clipboard caps flags; 0 until it sent them (then cut text goes extended). */
    private volatile int serverClipboardCaps;
    private volatile long serverTextLimit;
    /** The text last given to {@link #clipboard}, provided when the server asks for it. */
    private volatile String localClipboard;
    /** XVP version from the server's XVP_INIT; 0 while XVP is not offered. */
    private volatile int xvpVersion;
    private volatile boolean extendedKeyEvents;
    private volatile boolean absolutePointer = true;
    /** Screens of the last ExtendedDesktopSize (16 bytes each); null until the server sent one. */
    private volatile byte[] screenLayout;
    private Thread reader;
    private Thread writer;

    public VncClient(InputStream in, OutputStream out, VncOptions options) {
        this.rawIn = Objects.requireNonNull(in, "in");
        this.rawOut = Objects.requireNonNull(out, "out");
        this.out = rawOut;
        this.in = new RfbInput(in);
        this.options = Objects.requireNonNull(options, "options");
        this.pacing = new UpdatePacing(options, this::send);
    }

    /** Adds a listener; add before {@link #connect()} to see the first resize. */
    public void addListener(VncListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(VncListener listener) {
        listeners.remove(listener);
    }

    /**
     * Handshake (version, security, init), then starts the session threads and asks for the first
     * full frame. Blocks on the network: call it off the FX thread. On failure the streams are closed.
     */
    public void connect() throws IOException {
        try {
            Handshake handshake = new Handshake(in, out, options);
            handshake.run(this);
            in = handshake.input();
            out = handshake.output();
        } catch (IOException | RuntimeException e) {
            closeStreams();
            closed.set(true);
            throw e;
        }
        writer = new Thread(this::writeLoop, "vnc-writer " + desktopName);
        writer.setDaemon(true);
        writer.start();
        setPixelFormat();
        send(setEncodingsMessage(options.encodingList()));
        requestUpdate(false);
        reader = new Thread(this::readLoop, "vnc-reader " + desktopName);
        reader.setDaemon(true);
        reader.start();
    }

    void initialised(String version, String securityName, int width, int height, String name)
            throws VncProtocolException {
        protocolVersion = version;
        security = securityName;
        desktopName = name;
        resize(width, height);
    }

    public Framebuffer framebuffer() {
        return framebuffer;
    }

    public String desktopName() {
        return desktopName;
    }

    /** "3.3", "3.7" or "3.8": the version agreed with the server. */
    public String protocolVersion() {
        return protocolVersion;
    }

    /** True once the server acknowledged the QEMU extended key event: keys then go by scancode. */
    public boolean extendedKeyEvents() {
        return extendedKeyEvents;
    }

    /** False when the server asked for relative pointer motion (QEMU pointer motion change). */
    public boolean absolutePointer() {
        return absolutePointer;
    }

    /**
     * The security agreed: "None", "VncAuth", or the VeNCrypt subtype ("X509None", "X509Vnc", "X509Plain",
     * "TLSNone", "TLSVnc", "TLSPlain", "Plain"). The TLS ones encrypt the whole session.
     */
    public String security() {
        return security;
    }

    /** True once the server said it takes XVP power actions (shutdown, reboot, reset). */
    public boolean xvpAvailable() {
        return xvpVersion > 0;
    }

    /**
     * Asks the server for a power action; a refusal comes back as {@link VncListener#onXvpFailed()}.
     *
     * @throws IllegalStateException if the server never offered XVP
     */
    public void xvp(XvpAction action) {
        int version = xvpVersion;
        if (version == 0) {
            throw new IllegalStateException("the server does not offer XVP power actions");
        }
        send(new byte[] {(byte) XVP_MESSAGE, 0, (byte) version, (byte) action.code});
    }

    /** True once the server announced the extended clipboard: cut text then goes as UTF-8 both ways. */
    public boolean extendedClipboard() {
        return serverClipboardCaps != 0;
    }

    /** True while the server pushes updates on its own (continuous updates): no update requests are sent. */
    public boolean continuousUpdates() {
        return pacing.continuous();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Rectangles received so far per encoding number (pseudo-encodings included). */
    public Map<Integer, Long> rectangleCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        rectangles.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    // ---- client messages ------------------------------------------------------------------------

    /** Asks for the whole framebuffer; incremental means only what changed. */
    public void requestUpdate(boolean incremental) {
        Framebuffer fb = framebuffer;
        requestUpdate(incremental, 0, 0, fb.width(), fb.height());
    }

    public void requestUpdate(boolean incremental, int x, int y, int w, int h) {
        send(ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0))
                .putShort((short) x).putShort((short) y).putShort((short) w).putShort((short) h).array());
    }

    /** Replaces the encodings the server may use (takes effect from the next update). */
    public void setEncodings(List<Integer> encodings) {
        send(setEncodingsMessage(encodings));
    }

    /** Pointer at framebuffer coordinates (clamped) with buttons: bit 0 left, 1 middle, 2 right, 3/4 wheel. */
    public void pointer(int x, int y, int buttonMask) {
        Framebuffer fb = framebuffer;
        int cx = Math.max(0, Math.min(fb.width() - 1, x));
        int cy = Math.max(0, Math.min(fb.height() - 1, y));
        send(ByteBuffer.allocate(6).put((byte) 5).put((byte) buttonMask).putShort((short) cx).putShort((short) cy).array());
    }

    /**
     * Relative pointer motion, for servers that asked for it (QEMU pointer motion change with a PS/2
     * mouse): QEMU reads each coordinate as an offset from 0x7FFF.
     */
    public void pointerRelative(int dx, int dy, int buttonMask) {
        int x = 0x7FFF + Math.max(-0x7FFF, Math.min(0x8000, dx));
        int y = 0x7FFF + Math.max(-0x7FFF, Math.min(0x8000, dy));
        send(ByteBuffer.allocate(6).put((byte) 5).put((byte) buttonMask).putShort((short) x).putShort((short) y).array());
    }

    /** True once the server announced ExtendedDesktopSize, i.e. it may accept {@link #requestDesktopSize}. */
    public boolean canRequestDesktopSize() {
        byte[] layout = screenLayout;
        return layout != null && layout.length >= 16;
    }

    /**
     * Asks the server to resize its desktop (SetDesktopSize) to follow the window: the first screen is
     * stretched to the new size and the others dropped. The answer comes as onResize or
     * onDesktopSizeRefused.
     *
     * @return false if the server never announced ExtendedDesktopSize (nothing sent)
     */
    public boolean requestDesktopSize(int width, int height) {
        if (width < 1 || height < 1 || width > Framebuffer.MAX_SIDE || height > Framebuffer.MAX_SIDE) {
            throw new IllegalArgumentException("desktop size " + width + "x" + height + " out of range");
        }
        byte[] layout = screenLayout;
        if (layout == null || layout.length < 16) {
            return false;
        }
        ByteBuffer screen = ByteBuffer.wrap(layout, 0, 16);
        int id = screen.getInt();
        screen.position(12);
        int flags = screen.getInt();
        send(ByteBuffer.allocate(24).put((byte) 251).put((byte) 0).putShort((short) width).putShort((short) height)
                .put((byte) 1).put((byte) 0).putInt(id).putShort((short) 0).putShort((short) 0)
                .putShort((short) width).putShort((short) height).putInt(flags).array());
        return true;
    }

    /** A key press or release by X11 keysym only (the classic KeyEvent). */
    public void keysym(int keysym, boolean down) {
        send(ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym).array());
    }

    /**
     * A key press or release by Linux key name (e.g. KEY_A). Sent as scancode when the server has
     * the QEMU extended key event, else as keysym. {@code keysym} is the symbol the local layout
     * produced, or 0 to use the key's unshifted US symbol.
     *
     * @return false if the key is unknown to both tables (nothing sent)
     */
    public boolean key(String linuxKeyName, int keysym, boolean down) {
        int sym = keysym != 0 ? keysym : keyMap.keysym(linuxKeyName).orElse(0);
        OptionalInt scancode = keyMap.scancode(linuxKeyName);
        if (extendedKeyEvents && scancode.isPresent()) {
            send(ByteBuffer.allocate(12).put((byte) 255).put((byte) 0).putShort((short) (down ? 1 : 0))
                    .putInt(sym).putInt(scancode.getAsInt()).array());
            return true;
        }
        if (sym == 0) {
            return false;
        }
        keysym(sym, down);
        return true;
    }

    /** Presses the keys in order and releases them in reverse (send-key menu). */
    public void sendCombo(org.vireo.vnc.keys.KeyCombo combo) {
        for (String k : combo.keys()) {
            key(k, 0, true);
        }
        for (int i = combo.keys().size() - 1; i >= 0; i--) {
            key(combo.keys().get(i), 0, false);
        }
    }

    /**
     * Sends text to the server's clipboard: as UTF-8 when the server speaks the extended clipboard (announced,
     * or sent at once if the server takes unsolicited text), else as classic cut text in Latin-1 (other
     * characters become '?').
     */
    public void clipboard(String text) {
        Objects.requireNonNull(text, "text");
        int serverFlags = serverClipboardCaps;
        if (serverFlags != 0) {
            localClipboard = text;
            if ((serverFlags & ExtendedClipboard.NOTIFY) != 0) {
                send(ExtendedClipboard.notify(true));
            } else if ((serverFlags & ExtendedClipboard.PROVIDE) != 0
                    && text.getBytes(StandardCharsets.UTF_8).length < serverTextLimit) {
                send(ExtendedClipboard.provide(text));
            }
            return;
        }
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        if (latin1.length > MAX_CUT_TEXT) {
            throw new IllegalArgumentException("clipboard text of " + latin1.length + " bytes exceeds " + MAX_CUT_TEXT);
        }
        send(ByteBuffer.allocate(8 + latin1.length).put((byte) 6).put(new byte[3]).putInt(latin1.length).put(latin1).array());
    }

    private void setPixelFormat() {
        ByteBuffer b = ByteBuffer.allocate(20).put((byte) 0).put(new byte[3]);
        b.put((byte) 32).put((byte) 24).put((byte) 0).put((byte) 1); // bpp, depth, little-endian, true colour
        b.putShort((short) 255).putShort((short) 255).putShort((short) 255);
        b.put((byte) 16).put((byte) 8).put((byte) 0).put(new byte[3]);
        send(b.array());
    }

    private static byte[] setEncodingsMessage(List<Integer> encodings) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * encodings.size()).put((byte) 2).put((byte) 0)
                .putShort((short) encodings.size());
        encodings.forEach(b::putInt);
        return b.array();
    }

    private void send(byte[] message) {
        if (closed.get()) {
            return;
        }
        if (!outbox.offer(message)) {
            fail(new VncProtocolException("the server stopped reading: " + OUTBOX_CAPACITY + " messages queued"));
        }
    }

    private void writeLoop() {
        try {
            while (!closed.get()) {
                byte[] message = outbox.take();
                out.write(message);
                if (outbox.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            fail(e);
        }
    }

    // ---- server messages ------------------------------------------------------------------------

    private void readLoop() {
        try {
            while (!closed.get()) {
                int type = in.u8();
                switch (type) {
                    case 0 -> framebufferUpdate();
                    case 1 -> colourMapEntries();
                    case 2 -> listeners.forEach(VncListener::onBell);
                    case 3 -> serverCutText();
                    case XVP_MESSAGE -> xvpMessage();
                    case UpdatePacing.FENCE_MESSAGE -> pacing.fence(in);
                    case UpdatePacing.END_OF_CONTINUOUS_UPDATES -> {
                        if (pacing.endOfContinuousUpdates(framebuffer)) {
                            requestUpdate(true);
                        }
                    }
                    default -> throw new VncProtocolException("unknown server message type " + type);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void framebufferUpdate() throws IOException {
        in.u8();
        int count = in.u16();
        Framebuffer before = framebuffer;
        VncListener[] told = listeners.toArray(NO_LISTENERS); // once per update, not an iterator per rectangle
        boolean request = !pacing.continuous();
        if (request) {
            // ask for the next update now, so the server encodes it while this one is decoded
            requestUpdate(true);
        }
        for (int i = 0; i < count; i++) {
            int x = in.u16();
            int y = in.u16();
            int w = in.u16();
            int h = in.u16();
            int encoding = in.s32();
            rectangles.computeIfAbsent(encoding, k -> new LongAdder()).increment();
            if (encoding == Encoding.LAST_RECT) {
                break;
            }
            if (!pseudoRect(encoding, x, y, w, h)) {
                RectDecoder decoder = decoders.get(encoding);
                if (decoder == null) {
                    throw new VncProtocolException("server used " + Encoding.name(encoding) + " which was not requested");
                }
                Framebuffer fb = framebuffer;
                if (!fb.contains(x, y, w, h)) {
                    throw new VncProtocolException(Encoding.name(encoding) + " rectangle " + x + "," + y + " " + w + "x" + h
                            + " lies outside the " + fb.width() + "x" + fb.height() + " framebuffer");
                }
                decoder.decode(in, x, y, w, h, fb);
                for (VncListener l : told) {
                    l.onFramebufferUpdated(x, y, w, h);
                }
            }
        }
        listeners.forEach(VncListener::onUpdateBatchComplete);
        if (request && framebuffer != before) {
            requestUpdate(true); // the request sent above named the old size
        }
    }

    /** Handles a pseudo-encoding rectangle; false if {@code encoding} is a pixel encoding. */
    private boolean pseudoRect(int encoding, int x, int y, int w, int h) throws IOException {
        switch (encoding) {
            case Encoding.DESKTOP_SIZE -> resize(w, h);
            case Encoding.EXTENDED_DESKTOP_SIZE -> {
                int screens = in.u8();
                in.skip(3);
                byte[] layout = new byte[16 * screens];
                in.readFully(layout, 0, layout.length);
                screenLayout = layout;
                if (x == 1 && y != 0) {
                    int status = y;
                    listeners.forEach(l -> l.onDesktopSizeRefused(status));
                }
                Framebuffer fb = framebuffer;
                if (fb.width() != w || fb.height() != h) {
                    resize(w, h);
                }
            }
            case Encoding.CURSOR, Encoding.CURSOR_WITH_ALPHA -> {
                int[] argb = encoding == Encoding.CURSOR ? CursorShape.read(in, w, h) : CursorShape.readWithAlpha(in, w, h);
                for (VncListener l : listeners) {
                    l.onCursor(argb, w, h, Math.min(x, Math.max(0, w - 1)), Math.min(y, Math.max(0, h - 1)));
                }
            }
            case Encoding.QEMU_EXTENDED_KEY_EVENT -> extendedKeyEvents = true;
            case Encoding.QEMU_POINTER_MOTION_CHANGE -> {
                absolutePointer = x != 0;
                listeners.forEach(l -> l.onPointerModeChanged(absolutePointer));
            }
            case Encoding.QEMU_LED_STATE -> {
                int leds = in.u8();
                listeners.forEach(l -> l.onLedState(leds));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void resize(int width, int height) throws VncProtocolException {
        if (width < 1 || height < 1 || width > Framebuffer.MAX_SIDE || height > Framebuffer.MAX_SIDE
                || (long) width * height > Framebuffer.MAX_AREA) {
            throw new VncProtocolException("server framebuffer size " + width + "x" + height + " is out of range (max "
                    + Framebuffer.MAX_SIDE + " per side, " + Framebuffer.MAX_AREA + " pixels)");
        }
        framebuffer = new Framebuffer(width, height);
        pacing.resized(width, height);
        for (VncListener l : listeners) {
            l.onResize(width, height);
        }
    }

    private void colourMapEntries() throws IOException {
        in.u8();
        in.u16();
        int count = in.u16();
        in.skip(6L * count); // we asked for true colour; a colour map is irrelevant but must be consumed
    }

    private void serverCutText() throws IOException {
        in.skip(3);
        long length = in.u32();
        // a negative length means the extended form, but only to a client that announced it
        if (length > Integer.MAX_VALUE && options.pseudoEncodings().contains(Encoding.EXTENDED_CLIPBOARD)) {
            extendedCutText(-(long) (int) length);
            return;
        }
        String text = new String(in.bytes(length, MAX_CUT_TEXT, "ServerCutText"), StandardCharsets.ISO_8859_1);
        for (VncListener l : listeners) {
            l.onClipboard(text);
        }
    }

    /** ServerCutText in the extended clipboard form (a negative length): caps, request, peek, notify, provide. */
    private void extendedCutText(long length) throws IOException {
        if (length < 4) {
            throw new VncProtocolException("extended ServerCutText of " + length + " bytes has no flags");
        }
        byte[] payload = in.bytes(length, MAX_CUT_TEXT, "extended ServerCutText");
        int flags = ByteBuffer.wrap(payload).getInt();
        int action = flags & ExtendedClipboard.ACTIONS;
        if ((action & ExtendedClipboard.CAPS) != 0) { // caps lists the server's actions beside its own bit
            if ((flags & ExtendedClipboard.FORMAT_TEXT) != 0 && payload.length >= 8) {
                serverTextLimit = ByteBuffer.wrap(payload, 4, 4).getInt() & 0xFFFFFFFFL;
            }
            serverClipboardCaps = flags;
            send(ExtendedClipboard.caps(MAX_CUT_TEXT));
        } else if (action == ExtendedClipboard.REQUEST) {
            String text = localClipboard;
            if (text != null && (flags & ExtendedClipboard.FORMAT_TEXT) != 0) {
                send(ExtendedClipboard.provide(text));
            }
        } else if (action == ExtendedClipboard.PEEK) {
            send(ExtendedClipboard.notify(localClipboard != null));
        } else if (action == ExtendedClipboard.NOTIFY) {
            if ((flags & ExtendedClipboard.FORMAT_TEXT) != 0) {
                send(ExtendedClipboard.request());
            }
        } else if (action == ExtendedClipboard.PROVIDE) {
            String text = ExtendedClipboard.providedText(flags, payload, 4, MAX_CUT_TEXT);
            if (text != null) {
                listeners.forEach(l -> l.onClipboard(text));
            }
        } else {
            throw new VncProtocolException("extended ServerCutText with flags 0x" + Integer.toHexString(flags)
                    + " names no single action");
        }
    }

    /** XVP from the server: INIT says power actions are available, FAIL that the last one was refused. */
    private void xvpMessage() throws IOException {
        in.u8();
        int version = in.u8();
        int code = in.u8();
        switch (code) {
            case XVP_INIT -> {
                if (version < 1) {
                    throw new VncProtocolException("XVP_INIT with version " + version);
                }
                xvpVersion = version;
                listeners.forEach(VncListener::onXvpAvailable);
            }
            case XVP_FAIL -> listeners.forEach(VncListener::onXvpFailed);
            default -> throw new VncProtocolException("XVP message with unknown code " + code);
        }
    }

    // ---- ending ---------------------------------------------------------------------------------

    /** Ends the session; listeners get onClosed(empty). Idempotent. */
    @Override
    public void close() {
        end(Optional.empty());
    }

    private void fail(Throwable error) {
        end(Optional.of(error));
    }

    private void end(Optional<Throwable> error) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeStreams();
        if (writer != null) {
            writer.interrupt();
        }
        for (VncListener l : listeners) {
            l.onClosed(error);
        }
    }

    private void closeStreams() {
        try {
            rawIn.close();
        } catch (IOException ignored) {
            // closing to unblock the reader; a failure here changes nothing
        }
        try {
            rawOut.close();
        } catch (IOException ignored) {
            // as above
        }
    }
}
