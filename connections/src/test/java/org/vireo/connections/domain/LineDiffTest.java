package org.vireo.connections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void identicalTextsHaveNoChanges() {
        assertEquals(List.of(), LineDiff.changes("a\nb\nc\n", "a\nb\nc\n"));
    }

    @Test
    void aChangedLineIsOneRemovalAndOneAddition() {
        assertEquals(List.of("- <memory>1</memory>", "+ <memory>2</memory>"),
                LineDiff.changes("<a>\n<memory>1</memory>\n</a>\n", "<a>\n<memory>2</memory>\n</a>\n"));
    }

    @Test
    void insertionsAndDeletionsInTheMiddleKeepTheCommonLines() {
        List<LineDiff.Line> diff = LineDiff.diff("a\nb\nc\nd\ne", "a\nc\nx\nd\ne\nf");
        assertEquals(List.of("  a", "- b", "  c", "+ x", "  d", "  e", "+ f"),
                diff.stream().map(LineDiff.Line::formatted).toList());
    }

    @Test
    void emptyTextsAreAllAdditionsOrRemovals() {
        assertEquals(List.of("+ x", "+ y"), LineDiff.changes("", "x\ny\n"));
        assertEquals(List.of("- x"), LineDiff.changes("x", ""));
    }

    @Test
    void theLongestCommonSubsequenceIsKept() {
        // LCS of ABCBDAB and BDCABA has length 4: at most 3 removals and 2 additions
        List<String> changes = LineDiff.changes("A\nB\nC\nB\nD\nA\nB", "B\nD\nC\nA\nB\nA");
        assertEquals(3, changes.stream().filter(c -> c.startsWith("-")).count(), changes.toString());
        assertEquals(2, changes.stream().filter(c -> c.startsWith("+")).count(), changes.toString());
    }
}
