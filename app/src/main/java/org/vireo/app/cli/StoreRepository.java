package org.vireo.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.vireo.connections.nodelist.ConnectionRepository;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.connections.store.LoadResult;

/**
 * The saved connections as the CLI's import and export see them. A store that could not be read
 * stops the command with the store's own message rather than being treated as empty, so an import
 * never replaces connections it could not see.
 */
public final class StoreRepository implements ConnectionRepository {
    private final ConnectionStore store;

    public StoreRepository(ConnectionStore store) {
        this.store = store;
    }

    @Override
    public List<ConnectionEntry> load() {
        LoadResult result = store.load();
        if (result.problem().isPresent()) {
            throw new IllegalStateException(result.problem().get());
        }
        return result.entries();
    }

    @Override
    public void save(List<ConnectionEntry> entries) {
        try {
            store.save(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the connections: " + e.getMessage(), e);
        }
    }
}
