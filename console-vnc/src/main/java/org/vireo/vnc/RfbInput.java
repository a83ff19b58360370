package org.vireo.vnc;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Big-endian reads from the server with every variable length checked against a limit before
 * anything is allocated, so a hostile length ends the session instead of exhausting memory.
 */
public final class RfbInput {
    private final DataInputStream in;

    public RfbInput(InputStream in) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
    }

    /** The buffered stream itself, for a layer (TLS) that takes over the bytes not yet read. */
    InputStream stream() {
        return in;
    }

    public int u8() throws IOException {
        return in.readUnsignedByte();
    }

    public int u16() throws IOException {
        return in.readUnsignedShort();
    }

    public int s32() throws IOException {
        return in.readInt();
    }

    /** An unsigned 32-bit value as a long (lengths: a negative int would hide a huge value). */
    public long u32() throws IOException {
        return in.readInt() & 0xFFFFFFFFL;
    }

    public void readFully(byte[] b, int off, int len) throws IOException {
        try {
            in.readFully(b, off, len);
        } catch (EOFException e) {
            throw new VncProtocolException("server stream ended in the middle of a message", e);
        }
    }

    public void skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        while (n > 0) {
            int chunk = (int) Math.min(n, scratch.length);
            readFully(scratch, 0, chunk);
            n -= chunk;
        }
    }

    /** Reads a byte array whose length came from the server, refusing lengths above {@code max}. */
    public byte[] bytes(long length, long max, String what) throws IOException {
        checkLength(length, max, what);
        byte[] b = new byte[(int) length];
        readFully(b, 0, b.length);
        return b;
    }

    /** A U32 length followed by that many bytes of text, bounded by {@code max} bytes. */
    public String string(long max, String what, Charset charset) throws IOException {
        long length = u32();
        return new String(bytes(length, max, what), charset);
    }

    public static void checkLength(long length, long max, String what) throws VncProtocolException {
        if (length < 0 || length > max) {
            throw new VncProtocolException(what + " length " + length + " exceeds the limit of " + max + " bytes");
        }
    }

    /** Tight's compact length: 1 to 3 bytes, 7 bits each except the third (22 bits at most). */
    public int compactLength() throws IOException {
        int b = u8();
        int len = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = u8();
            len |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                len |= u8() << 14;
            }
        }
        return len;
    }
}
