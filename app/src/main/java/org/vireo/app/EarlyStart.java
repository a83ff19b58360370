package org.vireo.app;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.vireo.app.main.StartupReads;
import org.vireo.app.prefs.LivePreferences;
import org.vireo.app.prefs.PreferencesStore;
import org.vireo.app.prefs.SystemLocale;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.resources.Messages;

/**
 * The window's disk reads, begun before JavaFX starts its toolkit and done on one background thread meanwhile
 * (JavaFX calls {@code Application.init} only once its toolkit is up; each takes a few hundred milliseconds):
 * the log, the preferences and with them the language, then the saved connections and the demo host's file.
 */
final class EarlyStart {
    /** What {@link VireoApp#init()} needs before it builds the app's services. */
    record Basics(AppPaths paths, LivePreferences preferences, Messages messages) {
    }

    private final CompletableFuture<Basics> basics;
    private final StartupReads reads;
    /** Where preference saves go once the app's disk thread exists (saves happen only after start). */
    private volatile Executor saves;

    private EarlyStart(List<String> connectUris) {
        // One thread that ends when idle: the reads run in order, the basics first.
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vireo-early-start");
            t.setDaemon(true);
            return t;
        });
        thread.allowCoreThreadTimeOut(true);
        basics = CompletableFuture.supplyAsync(this::readBasics, thread);
        reads = StartupReads.begin(() -> new ConnectionStore(basics.join().paths().config()).load(),
                List.copyOf(connectUris), thread);
    }

    /** Starts the reads for a window opened on {@code connectUris} (none: the saved connections or the demo). */
    static EarlyStart begin(List<String> connectUris) {
        return new EarlyStart(connectUris);
    }

    private Basics readBasics() {
        AppPaths paths = AppPaths.fromEnvironment();
        AppLogging.init(paths.state());
        LivePreferences preferences = LivePreferences.load(new PreferencesStore(paths.config()),
                task -> Objects.requireNonNull(saves, "preferences saved before the app started").execute(task));
        // The preferred language, else the environment's; JavaFX's own buttons follow the default locale too.
        preferences.get().language().locale().or(() -> SystemLocale.fromEnvironment(System.getenv()))
                .ifPresent(Locale::setDefault);
        return new Basics(paths, preferences, Messages.forDefaultLocale());
    }

    /** Waits for the log, preferences and messages (on the launcher thread, never the FX thread). */
    Basics basics() {
        return basics.join();
    }

    /** The saved connections and the demo URI, being read. */
    StartupReads reads() {
        return reads;
    }

    /** From now on preference changes are saved on {@code io}. */
    void saveOn(Executor io) {
        this.saves = Objects.requireNonNull(io, "io");
    }
}
