package org.vireo.app.prefs;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.vireo.app.actions.Confirmations;

/**
 * The preferences in use: read once at start, changed on the FX thread, each change saved in the background.
 * Parts of the app listen to {@link #property()} and apply what concerns them.
 */
public final class LivePreferences {
    private static final System.Logger LOG = System.getLogger(LivePreferences.class.getName());

    private final PreferencesStore store;
    private final Executor io;
    private final ReadOnlyObjectWrapper<Preferences> current;
    private final Optional<String> loadProblem;

    private LivePreferences(PreferencesStore store, Executor io, PreferencesStore.Loaded loaded) {
        this.store = store;
        this.io = io;
        this.current = new ReadOnlyObjectWrapper<>(this, "preferences", loaded.preferences());
        this.loadProblem = loaded.problem();
    }

    /** Reads the file now (call off the FX thread: at start, before the window). */
    public static LivePreferences load(PreferencesStore store, Executor io) {
        return new LivePreferences(Objects.requireNonNull(store, "store"), Objects.requireNonNull(io, "io"), store.load());
    }

    public Preferences get() {
        return current.get();
    }

    public ReadOnlyObjectProperty<Preferences> property() {
        return current.getReadOnlyProperty();
    }

    /** Why the saved preferences could not be used at start (the defaults were), for the user. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    /**
     * Uses {@code preferences} from now on and saves them on the io executor (call on the FX thread).
     *
     * @return completes when saved; fails with the store's IOException (the new values stay in use)
     */
    public CompletableFuture<Void> update(Preferences preferences) {
        current.set(Objects.requireNonNull(preferences, "preferences"));
        return CompletableFuture.runAsync(() -> {
            try {
                store.save(preferences);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e); // Failures.message shows the IOException's own text
            }
        }, io);
    }

    /** "Don't ask again" kept in the preferences, so it survives a restart and the dialog can undo it. */
    public Confirmations.Memory confirmationMemory() {
        return new Confirmations.Memory() {
            @Override
            public boolean isSilenced(String kind) {
                return get().confirmSilenced().contains(kind);
            }

            @Override
            public void silence(String kind) {
                Set<String> silenced = new HashSet<>(get().confirmSilenced());
                silenced.add(kind);
                update(get().withConfirmSilenced(silenced)).exceptionally(failure -> {
                    LOG.log(System.Logger.Level.WARNING, "cannot save the preferences", failure);
                    return null;
                });
            }
        };
    }
}
