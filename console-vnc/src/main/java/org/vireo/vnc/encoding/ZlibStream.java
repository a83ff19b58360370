package org.vireo.vnc.encoding;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/**
 * One persistent zlib stream of the session (Zlib, ZRLE and Tight each keep theirs across rectangles).
 * Compressed bytes are pulled from the socket in small chunks, only up to the length the rectangle
 * declared, so neither a huge declared length nor a truncated stream can allocate or hang: running out
 * of input before the rectangle is complete is a protocol error.
 */
public final class ZlibStream {
    private static final int CHUNK = 32 * 1024;
    private final String name;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[CHUNK];
    private final byte[] output = new byte[CHUNK];
    private int outPos;
    private int outLen;
    private RfbInput source;
    private long remainingInput;

    public ZlibStream(String name) {
        this.name = name;
    }

    public void reset() {
        inflater.reset();
    }

    /** Starts a rectangle whose compressed data is the next {@code compressedLength} bytes of {@code in}. */
    public void begin(RfbInput in, long compressedLength) {
        this.source = in;
        this.remainingInput = compressedLength;
        this.outPos = 0;
        this.outLen = 0;
    }

    public int u8() throws IOException {
        if (outPos == outLen) {
            fill();
        }
        return output[outPos++] & 0xFF;
    }

    public void readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            if (outPos == outLen) {
                fill();
            }
            int n = Math.min(len, outLen - outPos);
            System.arraycopy(output, outPos, dst, off, n);
            outPos += n;
            off += n;
            len -= n;
        }
    }

    private void fill() throws IOException {
        outPos = 0;
        outLen = 0;
        try {
            while (outLen == 0) {
                if (inflater.needsInput()) {
                    feed();
                }
                outLen = inflater.inflate(output);
                if (outLen == 0 && (inflater.finished() || inflater.needsDictionary())) {
                    throw new VncProtocolException(name + " zlib stream ended or asked for a dictionary mid-session");
                }
            }
        } catch (DataFormatException e) {
            throw new VncProtocolException(name + " zlib data is corrupt: " + e.getMessage(), e);
        }
    }

    private void feed() throws IOException {
        if (remainingInput <= 0) {
            throw new VncProtocolException(name + " compressed data ended before the rectangle was complete");
        }
        int n = (int) Math.min(remainingInput, input.length);
        source.readFully(input, 0, n);
        remainingInput -= n;
        inflater.setInput(input, 0, n);
    }

    /**
     * Ends the rectangle: the rest of its compressed bytes (normally just the sync-flush marker) must go
     * through the inflater to keep the stream in step, and must not hold more pixels.
     */
    public void end() throws IOException {
        if (outPos != outLen) {
            throw new VncProtocolException(name + " rectangle carried more data than its pixels need");
        }
        try {
            while (true) {
                while (!inflater.needsInput()) {
                    if (inflater.inflate(output) > 0) {
                        throw new VncProtocolException(name + " rectangle carried more data than its pixels need");
                    }
                    if (inflater.finished() || inflater.needsDictionary()) {
                        throw new VncProtocolException(name + " zlib stream ended mid-session");
                    }
                }
                if (remainingInput == 0) {
                    break;
                }
                feed();
            }
        } catch (DataFormatException e) {
            throw new VncProtocolException(name + " zlib data is corrupt: " + e.getMessage(), e);
        }
        source = null;
    }
}
