package org.vireo.vnc;

import java.util.List;

/** RFB encoding and pseudo-encoding numbers (RFC 6143 §7.7 and the rfbproto community document). */
public final class Encoding {
    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int RRE = 2;
    public static final int HEXTILE = 5;
    public static final int ZLIB = 6;
    public static final int TIGHT = 7;
    public static final int ZRLE = 16;

    public static final int JPEG_QUALITY_0 = -32;
    public static final int COMPRESS_LEVEL_0 = -256;
    public static final int DESKTOP_SIZE = -223;
    public static final int LAST_RECT = -224;
    public static final int CURSOR = -239;
    public static final int QEMU_POINTER_MOTION_CHANGE = -257;
    public static final int QEMU_EXTENDED_KEY_EVENT = -258;
    public static final int QEMU_LED_STATE = -261;
    public static final int EXTENDED_DESKTOP_SIZE = -308;
    public static final int FENCE = -312;
    public static final int CONTINUOUS_UPDATES = -313;
    public static final int CURSOR_WITH_ALPHA = -314;
    public static final int XVP = -309;
    public static final int EXTENDED_CLIPBOARD = 0xC0A1E5CE;

    /** Pixel encodings in order of preference: cheap-to-decode lossless first on a fast link. */
    public static final List<Integer> DEFAULT_PIXEL_ENCODINGS = List.of(ZRLE, TIGHT, HEXTILE, ZLIB, RRE, COPY_RECT, RAW);

    /** Pseudo-encodings this client understands. */
    public static final List<Integer> SUPPORTED_PSEUDO_ENCODINGS = List.of(DESKTOP_SIZE, EXTENDED_DESKTOP_SIZE,
            CURSOR_WITH_ALPHA, CURSOR, LAST_RECT, QEMU_EXTENDED_KEY_EVENT, QEMU_POINTER_MOTION_CHANGE, QEMU_LED_STATE,
            XVP, EXTENDED_CLIPBOARD, FENCE, CONTINUOUS_UPDATES);

    private Encoding() {
    }

    public static String name(int encoding) {
        return switch (encoding) {
            case RAW -> "Raw";
            case COPY_RECT -> "CopyRect";
            case RRE -> "RRE";
            case HEXTILE -> "Hextile";
            case ZLIB -> "Zlib";
            case TIGHT -> "Tight";
            case ZRLE -> "ZRLE";
            case DESKTOP_SIZE -> "DesktopSize";
            case LAST_RECT -> "LastRect";
            case CURSOR -> "Cursor";
            case QEMU_POINTER_MOTION_CHANGE -> "QEMUPointerMotionChange";
            case QEMU_EXTENDED_KEY_EVENT -> "QEMUExtendedKeyEvent";
            case QEMU_LED_STATE -> "QEMULedState";
            case EXTENDED_DESKTOP_SIZE -> "ExtendedDesktopSize";
            case FENCE -> "Fence";
            case CONTINUOUS_UPDATES -> "ContinuousUpdates";
            case CURSOR_WITH_ALPHA -> "CursorWithAlpha";
            case XVP -> "XVP";
            case EXTENDED_CLIPBOARD -> "ExtendedClipboard";
            default -> "encoding " + encoding;
        };
    }
}
