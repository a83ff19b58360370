package org.vireo.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.LoadResult;

/** The reads the window starts from: the demo host's file is extracted only when the demo will show. */
class StartupReadsTest {
    private final AtomicInteger demoExtractions = new AtomicInteger();

    private String demo() {
        demoExtractions.incrementAndGet();
        return "test:///demo.xml";
    }

    @Test
    void nothingSavedAndNoUriGivenReadsTheDemoHost() {
        StartupReads reads = StartupReads.begin(() -> new LoadResult(List.of(), Optional.empty()), List.of(), this::demo,
                Runnable::run);
        assertEquals(List.of(), reads.saved().join().entries());
        assertEquals("test:///demo.xml", reads.demoUri().join());
    }

    @Test
    void savedConnectionsLeaveTheDemoFileAlone() {
        ConnectionEntry saved = ConnectionEntry.of("test:///default");
        StartupReads reads = StartupReads.begin(() -> new LoadResult(List.of(saved), Optional.empty()), List.of(),
                this::demo, Runnable::run);
        assertEquals(List.of(saved), reads.saved().join().entries());
        assertNull(reads.demoUri().join());
        assertEquals(0, demoExtractions.get());
    }

    @Test
    void aConnectUriLeavesTheDemoFileAlone() {
        StartupReads reads = StartupReads.begin(() -> new LoadResult(List.of(), Optional.empty()),
                List.of("test:///default"), this::demo, Runnable::run);
        assertNull(reads.demoUri().join());
        assertEquals(0, demoExtractions.get());
    }

    @Test
    void anUnreadableStoreStillOpensTheDemoAndKeepsItsError() {
        StartupReads reads = StartupReads.begin(() -> {
            throw new IllegalStateException("disk gone");
        }, List.of(), this::demo, Runnable::run);
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> reads.saved().join());
        assertTrue(failure.getCause().getMessage().contains("disk gone"));
        assertEquals("test:///demo.xml", reads.demoUri().join());
    }
}
