package org.vireo.connections.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence, to show what an XML edit changes before it is applied.
 * Common head and tail lines are matched first, so a small edit in a big document stays cheap.
 */
public final class LineDiff {
    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
        /** "  text", "- text" or "+ text". */
        public String formatted() {
            return switch (kind) {
                case SAME -> "  " + text;
                case REMOVED -> "- " + text;
                case ADDED -> "+ " + text;
            };
        }
    }

    private LineDiff() {
    }

    public static List<Line> diff(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        // lcs[i][j] = LCS length of a[head+i ..] and b[head+j ..] within the middle part
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[head + i].equals(b[head + j]) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i].equals(b[head + j])) {
                out.add(new Line(Kind.SAME, a[head + i]));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, a[head + i]));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, b[head + j]));
                j++;
            }
        }
        for (int k = a.length - tail; k < a.length; k++) {
            out.add(new Line(Kind.SAME, a[k]));
        }
        return out;
    }

    /** Only the changed lines, formatted; empty when nothing changed. */
    public static List<String> changes(String before, String after) {
        return diff(before, after).stream().filter(l -> l.kind() != Kind.SAME).map(Line::formatted).toList();
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\r?\n", -1);
    }
}
