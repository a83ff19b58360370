package org.vireo.connections.threads;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads for work the user waits on only in bulk (connecting hosts, SSH, stats): daemon threads that run at a
 * lower scheduling priority than the window's. Connecting a hundred hosts keeps every core busy with key exchanges
 * for seconds; at equal priority, JavaFX's FX and render threads queue behind that work and the window stalls.
 * Java thread priorities are ignored on Linux, but there the nice value is per thread: each thread lowers its own
 * at start, and the threads it creates (JSch's session readers among them) inherit it.
 */
public final class BackgroundThreads {
    /** How much nicer background threads are than their maker: the window's threads get about ten times their share. */
    public static final int NICE = 10;
    /** The kernel's lowest priority. */
    private static final int NICEST = 19;

    private static final AtomicBoolean UNAVAILABLE = new AtomicBoolean(!Platform.isLinux());

    private BackgroundThreads() {
    }

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        /** who 0 with PRIO_PROCESS is the calling thread on Linux (NPTL threads are separate tasks). */
        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    /** A factory of daemon threads named {@code name}, each lowering its priority before it runs anything. */
    public static ThreadFactory factory(String name) {
        return runnable -> {
            Thread thread = new Thread(() -> {
                lowerCurrentThread();
                runnable.run();
            }, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Makes the calling thread {@link #NICE} steps nicer than it was (relative: Vireo started under {@code nice}
     * keeps its background below its own window); best effort, where it cannot the thread runs as it was.
     */
    public static void lowerCurrentThread() {
        if (UNAVAILABLE.get()) {
            return;
        }
        try {
            lower(0);
        } catch (LinkageError e) {
            UNAVAILABLE.set(true);
        }
    }

    /**
     * Makes this JVM's JIT compiler threads {@link #NICE} steps nicer, as background work. While a hundred hosts
     * connect the compilers are busiest, and at equal priority they took turns with the FX thread, doubling the
     * pulse that first shows VM rows (HotSpot's own {@code CompilerThreadPriority} takes root). Their names are
     * HotSpot's ("C1 CompilerThread0"; the kernel keeps the first 15 characters); compiler threads HotSpot adds later
     * are started by compiler threads and inherit the value. Best effort, on Linux only.
     *
     * @return how many threads were lowered
     */
    public static int lowerJitCompilerThreads() {
        if (UNAVAILABLE.get()) {
            return 0;
        }
        int lowered = 0;
        try (DirectoryStream<Path> tasks =
                     Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (isJitCompiler(task) && lower(Integer.parseInt(task.getFileName().toString()))) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            return lowered; // /proc unreadable or libc unreachable: compilers keep their priority
        }
        return lowered;
    }

    private static boolean isJitCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    /** Thread {@code tid} (0: the calling thread, as PRIO_PROCESS takes it on Linux) {@link #NICE} steps nicer. */
    private static boolean lower(int tid) {
        return LibC.INSTANCE.setpriority(0, tid, Math.min(NICEST, LibC.INSTANCE.getpriority(0, tid) + NICE)) == 0;
    }
}
