package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * What the FX-thread probe counts as waiting on a host, checked on real stacks taken inside libvirt calls: a call
 * that goes to the driver counts, reading a domain handle's own UUID does not.
 */
class BlockingFramesTest {

    @Test
    void aCallToTheDriverCounts() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        try {
            assertTrue(BlockingFrames.inBlockingCall(stackInside(() -> conn.listDomains())));
        } finally {
            conn.close();
        }
    }

    @Test
    void readingAHandlesUuidDoesNotCount() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        try {
            Domain domain = conn.domainLookupByName("test");
            assertFalse(BlockingFrames.inBlockingCall(stackInside(domain::getUUIDString)));
            domain.free();
        } finally {
            conn.close();
        }
    }

    @Test
    void plainJavaDoesNotCount() {
        assertFalse(BlockingFrames.inBlockingCall(Thread.currentThread().getStackTrace()));
    }

    private interface LibvirtCall {
        Object run() throws LibvirtException;
    }

    /**
     * A real stack taken while JNA runs the call: a thread repeats the call and this one samples it until a sample
     * lands inside JNA (bounded in time; such calls take microseconds, so thousands of samples fit).
     */
    private static StackTraceElement[] stackInside(LibvirtCall call) {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                while (running.get()) {
                    call.run();
                }
            } catch (LibvirtException | RuntimeException e) {
                failed.set(e);
            }
        }, "libvirt-caller");
        caller.setDaemon(true);
        caller.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && failed.get() == null) {
                StackTraceElement[] stack = caller.getStackTrace();
                if (Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("com.sun.jna.Native")
                        && f.getMethodName().startsWith("invoke"))) {
                    return stack;
                }
            }
            throw new AssertionError("no sample inside JNA in 20 s", failed.get());
        } finally {
            running.set(false);
            joinQuietly(caller); // the handle is freed by the caller's test only once no call runs on it
        }
    }

    private static void joinQuietly(Thread caller) {
        try {
            caller.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
