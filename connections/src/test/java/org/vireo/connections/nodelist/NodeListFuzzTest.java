package org.vireo.connections.nodelist;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and hostile lines in every format: the parser never throws, and every invalid row
 * says why and where. Seeded, so a failure repeats; bounded in count and time.
 */
class NodeListFuzzTest {
    private static final long SEED = 0x5EED_4L;
    private static final int INPUTS = 2_000;
    private static final long TIME_LIMIT_NANOS = 60_000_000_000L;

    private static final List<String> HOSTILE = List.of(
            "node;reboot", "node && rm -rf /", "$(curl evil)", "`id`", "node|nc", "a b", "\ttab", "-oProxyCommand=sh",
            "root@@n", "@n", "n:", "n:0", "n:-1", "n:65536", "n:99999999999999", "[::1", "[::1]x", "[n1]:22", "::::",
            "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "qemu+ssh://n/system?command=reboot", "http://n/", "qemu+ssh:///system",
            "qemu+ssh://n/../../etc", "xen+ssh://n/x y", "\u0000", "\u202Enode", "nœud", "\"quoted\"", "host,user",
            "host\tuser", "Host *", "Host a b", "uris=['x'", "uris=@as []", "<gconf>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "&e;", "'", "\"", "\\", "#", "[/]", "a".repeat(5000), ".", "..", "n..", "x".repeat(300), "\r", "\uFEFF");

    @Test
    void randomAndHostileInputsNeverThrowAndInvalidRowsSayWhyAndWhere() {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        NodeListFormat[] formats = NodeListFormat.values();
        for (int i = 0; i < INPUTS; i++) {
            if (System.nanoTime() > deadline) {
                fail("fuzzing took over a minute after " + i + " inputs");
            }
            byte[] input = i % 2 == 0 ? randomBytes(random) : hostileText(random).getBytes(StandardCharsets.UTF_8);
            NodeListFormat format = random.nextInt(3) == 0 ? null : formats[random.nextInt(formats.length)];
            ImportOptions options = ImportOptions.defaults().withUser(random.nextBoolean() ? null : pick(random))
                    .withGroup(random.nextBoolean() ? "g" : pick(random));
            ParseResult result;
            try {
                result = NodeListParser.parse(input, format, options, Set.of("qemu+ssh://n/system", pick(random)));
            } catch (RuntimeException e) {
                throw new AssertionError("input #" + i + " (seed " + SEED + ", format " + format + ") threw", e);
            }
            for (NodeEntry entry : result.entries()) {
                assertTrue(entry.line() >= 1, "input #" + i + ": a row without a line number");
                if (entry.status() == NodeStatus.INVALID) {
                    assertNotNull(entry.reason(), "input #" + i + ": invalid without a reason");
                    assertTrue(!entry.reason().isBlank(), "input #" + i + ": blank reason");
                } else {
                    assertNotNull(entry.uri(), "input #" + i + ": a valid row without a URI");
                    assertTrue(entry.uri().chars().noneMatch(c -> c <= ' ' || ";|$`\"'\\<>(){}".indexOf(c) >= 0),
                            "input #" + i + ": URI with a shell character: " + entry.uri());
                }
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            // Mostly printable, so the text paths are reached and not only the binary check.
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (32 + Math.floorMod(bytes[k], 95));
                if (random.nextInt(12) == 0) {
                    bytes[k] = '\n';
                }
            }
        }
        return bytes;
    }

    private static String hostileText(Random random) {
        StringBuilder b = new StringBuilder();
        String[] prefixes = {"", "host,user,port\n", "host\tuser\n", "[/]\nuris=", "<gconf><entry name=\"uris\"><li><stringvalue>",
                "Host ", "\uFEFF", "qemu+ssh://"};
        b.append(prefixes[random.nextInt(prefixes.length)]);
        int lines = 1 + random.nextInt(20);
        for (int k = 0; k < lines; k++) {
            b.append(pick(random));
            if (random.nextInt(3) == 0) {
                b.append(random.nextBoolean() ? ',' : ':').append(pick(random));
            }
            b.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return b.toString();
    }

    private static String pick(Random random) {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }
}
