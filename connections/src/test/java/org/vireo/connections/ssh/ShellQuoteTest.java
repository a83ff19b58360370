package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {

    @Test
    void singleQuoteIsClosedEscapedAndReopened() {
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("''", ShellQuote.quote(""));
    }

    @Test
    void nulIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
    }

    /** The real test: a POSIX shell given the joined line sees exactly the original arguments, nothing runs. */
    @Test
    void shellReceivesHostileArgumentsVerbatim(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned");
        List<String> args = List.of("it's", "$(touch " + marker + ")", "`touch " + marker + "`", "a\nb", "",
                "; touch " + marker, "\"$HOME\"", "*", "\\", "'''");
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(args);
        Process p = new ProcessBuilder("sh", "-c", ShellQuote.join(argv)).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(10, TimeUnit.SECONDS);
        String[] received = out.toString(StandardCharsets.UTF_8).split("\0", -1);
        assertEquals(args, List.of(received).subList(0, args.size()));
        assertFalse(Files.exists(marker), "a quoted argument was executed");
    }
}
