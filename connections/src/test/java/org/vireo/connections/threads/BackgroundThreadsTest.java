package org.vireo.connections.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Background threads yield the processor to the window's: the kernel sees them at a lower priority (their nice
 * value, read from /proc as the scheduler keeps it), and so do the threads they start, as JSch's readers are.
 */
@EnabledOnOs(OS.LINUX)
class BackgroundThreadsTest {
    @Test
    void aBackgroundThreadAndTheThreadsItStartsRunAtALowerPriority() throws Exception {
        int expected = Math.min(19, niceOfThisThread() + BackgroundThreads.NICE);
        ExecutorService pool = Executors.newSingleThreadExecutor(BackgroundThreads.factory("vireo-test-background"));
        try {
            int[] nice = pool.submit(() -> {
                CompletableFuture<Integer> child = new CompletableFuture<>();
                Thread started = new Thread(() -> child.complete(niceOfThisThread()), "started-by-background");
                started.start();
                return new int[] {niceOfThisThread(), child.get(10, TimeUnit.SECONDS)};
            }).get(10, TimeUnit.SECONDS);
            assertEquals(expected, nice[0], "the background thread, nicer than the test's own");
            assertEquals(expected, nice[1], "a thread it started");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCallersOwnThreadIsLeftAsItWas() {
        int before = niceOfThisThread();
        Thread made = BackgroundThreads.factory("vireo-test-made").newThread(() -> { });
        assertTrue(made.isDaemon(), "background threads never keep the JVM alive");
        assertEquals("vireo-test-made", made.getName());
        assertEquals(before, niceOfThisThread(), "making a thread changes nothing for its maker");
    }

    @Test
    void theJitCompilerThreadsRunAtABackgroundPriority() throws IOException {
        Map<Path, Integer> before = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.filter(task -> comm(task).matches("C[12] CompilerThre.*")).forEach(task -> before.put(task, nice(task)));
        }
        assertFalse(before.isEmpty(), "this JVM has JIT compiler threads");

        int lowered = BackgroundThreads.lowerJitCompilerThreads();

        assertTrue(lowered >= before.size(), lowered + " lowered of " + before.keySet());
        before.forEach((task, nice) -> assertEquals(Math.min(19, nice + BackgroundThreads.NICE), nice(task), comm(task)));
        assertEquals(0, niceOfThisThread() - niceOfThisThreadAtStart, "other threads keep their priority");
    }

    private final int niceOfThisThreadAtStart = niceOfThisThread();

    /** Field 19 of /proc/thread-self/stat: the calling thread's nice value, as the kernel schedules it. */
    private static int niceOfThisThread() {
        return nice(Path.of("/proc/thread-self"));
    }

    private static int nice(Path task) {
        String stat = read(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static String comm(Path task) {
        return read(task.resolve("comm")).strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
