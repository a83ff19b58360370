package org.vireo.connections.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte layout libvirt hands back, built by hand: what a QEMU host's stats record holds. */
class TypedParamsTest {

    @Test
    void sumsDisksAndNicsAndReadsCpuAndBalloon() {
        TypedParams params = new TypedParams();
        Object[][] fields = {
            {"state.state", 1, 1L},
            {"cpu.time", 4, 123_456_789_000L},
            {"balloon.current", 4, 2_097_152L},
            {"balloon.rss", 4, 900_000L},
            {"net.count", 2, 2L},
            {"net.0.name", 7, 0L},
            {"net.0.rx.bytes", 4, 1000L},
            {"net.0.tx.bytes", 4, 10L},
            {"net.1.rx.bytes", 4, 500L},
            {"net.1.tx.bytes", 4, 5L},
            {"block.count", 2, 2L},
            {"block.0.rd.bytes", 4, 4096L},
            {"block.0.wr.bytes", 4, 8192L},
            {"block.1.rd.bytes", 4, 4096L},
            {"block.1.rd.reqs", 4, 77L},
            {"cpu.user", 4, 1L},
        };
        byte[] buffer = params.buffer(fields.length);
        ByteBuffer bytes = ByteBuffer.wrap(buffer).order(ByteOrder.nativeOrder());
        for (int i = 0; i < fields.length; i++) {
            int base = i * StatsNative.TYPED_PARAM_SIZE;
            byte[] name = ((String) fields[i][0]).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, buffer, base, name.length);
            buffer[base + name.length] = 0;
            bytes.putInt(base + StatsNative.FIELD_LENGTH, (Integer) fields[i][1]);
            bytes.putLong(base + StatsNative.FIELD_LENGTH + 8, (Long) fields[i][2]);
        }
        VmCounters counters = new VmCounters();
        params.parse(fields.length, counters);

        assertEquals(123_456_789_000L, counters.cpuTimeNs);
        assertEquals(900_000L, counters.memoryUsedKiB);
        assertEquals(1500L, counters.rxBytes);
        assertEquals(15L, counters.txBytes);
        assertEquals(8192L, counters.readBytes);
        assertEquals(8192L, counters.writeBytes);
    }

    @Test
    void absentGroupsStayUnknown() {
        TypedParams params = new TypedParams();
        byte[] buffer = params.buffer(1);
        byte[] name = "state.state".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, buffer, 0, name.length);
        buffer[name.length] = 0;
        ByteBuffer.wrap(buffer).order(ByteOrder.nativeOrder()).putInt(StatsNative.FIELD_LENGTH, 1);
        VmCounters counters = new VmCounters();
        params.parse(1, counters);
        assertEquals(-1, counters.cpuTimeNs);
        assertEquals(-1, counters.rxBytes);
        assertEquals(-1, counters.readBytes);
        assertEquals(-1, counters.memoryUsedKiB);
    }
}
