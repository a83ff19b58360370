package org.vireo.vnc.encoding;

import java.util.Arrays;
import java.util.zip.Deflater;

/** Test data compressed as RFB servers do for one rectangle: a fresh zlib stream ended by a sync flush. */
public final class SyncFlush {
    private SyncFlush() {
    }

    public static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        byte[] buf = new byte[data.length + 1024];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        d.end();
        return Arrays.copyOf(buf, n);
    }
}
