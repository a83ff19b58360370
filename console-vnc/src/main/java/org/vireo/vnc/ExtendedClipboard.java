package org.vireo.vnc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The Extended Clipboard pseudo-encoding (rfbproto, 0xC0A1E5CE): Client/ServerCutText with a negative
 * length carry a U32 of flags (formats in the low 16 bits, one action in the top 8) and, for "caps", the
 * maximum unsolicited size of each format, or for "provide" a zlib stream of (U32 size, data) per format.
 * Only the text format is used: UTF-8, CRLF line ends, NUL-terminated on the wire.
 */
final class ExtendedClipboard {
    static final int FORMAT_TEXT = 1;
    static final int CAPS = 1 << 24;
    static final int REQUEST = 1 << 25;
    static final int PEEK = 1 << 26;
    static final int NOTIFY = 1 << 27;
    static final int PROVIDE = 1 << 28;
    static final int ACTIONS = CAPS | REQUEST | PEEK | NOTIFY | PROVIDE;
    private static final int CLIENT_CUT_TEXT = 6;

    private ExtendedClipboard() {
    }

    /** Our caps: text only, every action, unsolicited text up to {@code maxText} bytes. */
    static byte[] caps(int maxText) {
        return message(ByteBuffer.allocate(8).putInt(CAPS | ACTIONS | FORMAT_TEXT).putInt(maxText).array());
    }

    static byte[] request() {
        return flagsOnly(REQUEST | FORMAT_TEXT);
    }

    /** Tells the server we have text ({@code hasText}) or nothing. */
    static byte[] notify(boolean hasText) {
        return flagsOnly(NOTIFY | (hasText ? FORMAT_TEXT : 0));
    }

    static byte[] provide(String text) {
        byte[] utf8 = (text.replace("\r\n", "\n").replace("\n", "\r\n") + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8);
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(plain.array());
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                z.write(chunk, 0, deflater.deflate(chunk));
            }
            byte[] compressed = z.toByteArray();
            return message(ByteBuffer.allocate(4 + compressed.length).putInt(PROVIDE | FORMAT_TEXT).put(compressed).array());
        } finally {
            deflater.end();
        }
    }

    /**
     * The text of a server "provide" payload (after the flags), or null if it carries no text. Inflates at
     * most {@code maxText} bytes of text, so a zlib bomb ends the session instead of filling memory.
     */
    static String providedText(int flags, byte[] payload, int offset, int maxText) throws VncProtocolException {
        if ((flags & FORMAT_TEXT) == 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(payload, offset, payload.length - offset);
            byte[] sizeBytes = inflateExactly(inflater, 4);
            long size = ByteBuffer.wrap(sizeBytes).getInt() & 0xFFFFFFFFL;
            RfbInput.checkLength(size, maxText, "extended clipboard text");
            byte[] text = inflateExactly(inflater, (int) size);
            int end = text.length;
            while (end > 0 && text[end - 1] == 0) {
                end--;
            }
            return new String(text, 0, end, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } finally {
            inflater.end();
        }
    }

    private static byte[] inflateExactly(Inflater inflater, int n) throws VncProtocolException {
        byte[] out = new byte[n];
        int done = 0;
        try {
            while (done < n) {
                int got = inflater.inflate(out, done, n - done);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new VncProtocolException("extended clipboard data ends after " + done + " of " + n + " bytes");
                }
                done += got;
            }
        } catch (DataFormatException e) {
            throw new VncProtocolException("extended clipboard data is not valid zlib: " + e.getMessage(), e);
        }
        return out;
    }

    private static byte[] flagsOnly(int flags) {
        return message(ByteBuffer.allocate(4).putInt(flags).array());
    }

    /** ClientCutText with the negative length that marks the extended form. */
    private static byte[] message(byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).put((byte) CLIENT_CUT_TEXT).put(new byte[3])
                .putInt(-payload.length).put(payload).array();
    }
}
