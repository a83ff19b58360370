package org.vireo.app.main;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.vireo.connections.demo.DemoHost;
import org.vireo.connections.store.LoadResult;

/**
 * The disk reads the window starts from: the saved connections and, when there are none and no {@code --connect}
 * URIs, the demo host's URI (its node file extracted to the cache). The app begins them before JavaFX has started
 * its toolkit, so the window connects as soon as it is shown instead of reading first.
 *
 * @param saved   the connection store's content, being read
 * @param demoUri the demo host's URI; complete with null when the demo is not needed
 */
public record StartupReads(CompletableFuture<LoadResult> saved, CompletableFuture<String> demoUri) {
    public StartupReads {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(demoUri, "demoUri");
    }

    /**
     * Starts both reads on {@code io}: {@code load} reads the saved connections; the demo file is extracted only
     * when the window will show the demo.
     */
    public static StartupReads begin(Supplier<LoadResult> load, List<String> connectUris, Executor io) {
        return begin(load, connectUris, DemoHost::uri, io);
    }

    /** Same, with the demo host's URI from {@code demo} (tests). */
    static StartupReads begin(Supplier<LoadResult> load, List<String> connectUris, Supplier<String> demo, Executor io) {
        CompletableFuture<LoadResult> saved = CompletableFuture.supplyAsync(load, io);
        CompletableFuture<String> demoUri = saved.handleAsync((result, error) ->
                needsDemo(error == null ? result.entries().size() : 0, connectUris) ? demo.get() : null, io);
        return new StartupReads(saved, demoUri);
    }

    /** The demo host opens when nothing is saved (or the store could not be read) and no URI was given. */
    static boolean needsDemo(int savedEntries, List<String> connectUris) {
        return savedEntries == 0 && connectUris.isEmpty();
    }
}
