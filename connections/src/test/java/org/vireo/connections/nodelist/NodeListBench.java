package org.vireo.connections.nodelist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: prints how long parsing and validating a 10,000-line node list takes (target ≤ 0.5 s).
 * A mix of plain hosts, user@host:port, IPv6, URIs, repeats and bad lines, against 1,000 saved URIs.
 * Run from the repository root: {@code mvn -q -B -pl connections -am test-compile} then
 * {@code java -cp connections/target/classes:connections/target/test-classes org.vireo.connections.nodelist.NodeListBench}
 */
public final class NodeListBench {
    private static final int LINES = 10_000;
    private static final int RUNS = 15;

    private NodeListBench() {
    }

    public static void main(String[] args) {
        String content = content();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            existing.add("qemu+ssh://root@node-" + (i * 7) + ".cluster.example.org/system");
        }
        ImportOptions options = ImportOptions.defaults().withUser("root").withGroup("bench");
        // The first run in a fresh JVM is what a user importing once actually waits.
        long coldStart = System.nanoTime();
        NodeListParser.parse(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, options, existing);
        long cold = System.nanoTime() - coldStart;
        for (int i = 0; i < 5; i++) {
            NodeListParser.parse(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, options, existing);
        }
        long[] nanos = new long[RUNS];
        ParseResult last = null;
        for (int i = 0; i < RUNS; i++) {
            byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long start = System.nanoTime();
            last = NodeListParser.parse(bytes, null, options, existing);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%d lines (%s): %d rows, %d new, %d present, %d duplicate, %d invalid, %d repeats collapsed%n",
                LINES, last.format(), last.entries().size(), last.count(NodeStatus.NEW), last.count(NodeStatus.ALREADY_PRESENT),
                last.count(NodeStatus.DUPLICATE_IN_FILE), last.count(NodeStatus.INVALID), last.collapsedRepeats());
        System.out.printf("parse+validate: median %.1f ms, min %.1f ms, max %.1f ms over %d runs (target <= 500 ms)%n",
                nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
        System.out.printf("first run in a fresh JVM: %.1f ms%n", cold / 1e6);
    }

    private static String content() {
        StringBuilder b = new StringBuilder("# generated node list\n");
        for (int i = 1; i < LINES; i++) {
            switch (i % 10) {
                case 0 -> b.append("ops@node-").append(i).append(".cluster.example.org:2222\n");
                case 1 -> b.append("[2001:db8::").append(Integer.toHexString(i)).append("]:22\n");
                case 2 -> b.append("qemu+ssh://root@node-").append(i).append(".cluster.example.org/system\n");
                case 3 -> b.append("node-").append(i - 1).append(".cluster.example.org\n");
                case 4 -> b.append("bad host ").append(i).append('\n');
                default -> b.append("node-").append(i).append(".cluster.example.org\n");
            }
        }
        return b.toString();
    }
}
