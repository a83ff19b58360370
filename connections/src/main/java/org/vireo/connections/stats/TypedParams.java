package org.vireo.connections.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a record's virTypedParameter array from one bulk copy of its memory (one native read per VM
 * instead of several per parameter) and folds the fields Vireo graphs into {@link VmCounters}.
 * Field names are matched as bytes, so a tick creates no strings per parameter.
 */
final class TypedParams {
    private static final int TYPE_INT = 1;
    private static final int TYPE_UINT = 2;
    private static final int TYPE_LLONG = 3;
    private static final int TYPE_ULLONG = 4;

    private static final byte[] CPU_TIME = ascii("cpu.time");
    private static final byte[] BALLOON_CURRENT = ascii("balloon.current");
    private static final byte[] BALLOON_RSS = ascii("balloon.rss");
    private static final byte[] BALLOON_AVAILABLE = ascii("balloon.available");
    private static final byte[] BALLOON_UNUSED = ascii("balloon.unused");
    private static final byte[] NET = ascii("net.");
    private static final byte[] RX_BYTES = ascii(".rx.bytes");
    private static final byte[] TX_BYTES = ascii(".tx.bytes");
    private static final byte[] BLOCK = ascii("block.");
    private static final byte[] RD_BYTES = ascii(".rd.bytes");
    private static final byte[] WR_BYTES = ascii(".wr.bytes");

    private byte[] block = new byte[StatsNative.TYPED_PARAM_SIZE * 32];

    /** The buffer to copy {@code count} parameters into (grown when needed, then reused). */
    byte[] buffer(int count) {
        int needed = count * StatsNative.TYPED_PARAM_SIZE;
        if (block.length < needed) {
            block = new byte[Math.max(needed, block.length * 2)];
        }
        return block;
    }

    /** Fills {@code into} from {@code count} parameters already copied into {@link #buffer}. */
    void parse(int count, VmCounters into) {
        ByteBuffer bytes = ByteBuffer.wrap(block).order(ByteOrder.nativeOrder());
        long current = -1;
        long rss = -1;
        long available = -1;
        long unused = -1;
        for (int i = 0; i < count; i++) {
            int base = i * StatsNative.TYPED_PARAM_SIZE;
            int nameLength = nameLength(base);
            long value = value(bytes, base);
            if (value < 0) {
                continue; // a double, string or boolean: none of ours
            }
            if (equals(base, nameLength, CPU_TIME)) {
                into.cpuTimeNs = value;
            } else if (equals(base, nameLength, BALLOON_CURRENT)) {
                current = value;
            } else if (equals(base, nameLength, BALLOON_RSS)) {
                rss = value;
            } else if (equals(base, nameLength, BALLOON_AVAILABLE)) {
                available = value;
            } else if (equals(base, nameLength, BALLOON_UNUSED)) {
                unused = value;
            } else if (startsWith(base, nameLength, NET)) {
                if (endsWith(base, nameLength, RX_BYTES)) {
                    into.rxBytes = add(into.rxBytes, value);
                } else if (endsWith(base, nameLength, TX_BYTES)) {
                    into.txBytes = add(into.txBytes, value);
                }
            } else if (startsWith(base, nameLength, BLOCK)) {
                if (endsWith(base, nameLength, RD_BYTES)) {
                    into.readBytes = add(into.readBytes, value);
                } else if (endsWith(base, nameLength, WR_BYTES)) {
                    into.writeBytes = add(into.writeBytes, value);
                }
            }
        }
        into.memoryUsedKiB = memoryUsed(current, rss, available, unused);
    }

    /** The guest's own view when it reports one, else what QEMU holds, else the balloon size. */
    static long memoryUsed(long current, long rss, long available, long unused) {
        if (available >= 0 && unused >= 0 && unused <= available) {
            return available - unused;
        }
        return rss >= 0 ? rss : current;
    }

    private static long add(long sum, long value) {
        return sum < 0 ? value : sum + value;
    }

    /** Integer values as a non-negative long; −1 for other types. */
    private static long value(ByteBuffer bytes, int base) {
        int type = bytes.getInt(base + StatsNative.FIELD_LENGTH);
        int at = base + StatsNative.FIELD_LENGTH + 8;
        return switch (type) {
            case TYPE_INT, TYPE_UINT -> bytes.getInt(at) & 0xffffffffL;
            case TYPE_LLONG, TYPE_ULLONG -> Math.max(0, bytes.getLong(at));
            default -> -1;
        };
    }

    private int nameLength(int base) {
        int n = 0;
        while (n < StatsNative.FIELD_LENGTH && block[base + n] != 0) {
            n++;
        }
        return n;
    }

    private boolean equals(int base, int length, byte[] name) {
        return length == name.length && startsWith(base, length, name);
    }

    private boolean startsWith(int base, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (block[base + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(int base, int length, byte[] suffix) {
        if (length < suffix.length) {
            return false;
        }
        int from = base + length - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (block[from + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
