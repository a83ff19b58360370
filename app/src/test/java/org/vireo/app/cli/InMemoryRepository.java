package org.vireo.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.vireo.connections.nodelist.ConnectionRepository;
import org.vireo.connections.store.ConnectionEntry;

/** Saved connections in memory, counting saves so tests see when nothing was written. */
final class InMemoryRepository implements ConnectionRepository {
    private List<ConnectionEntry> entries = new ArrayList<>();
    int saves;

    @Override
    public List<ConnectionEntry> load() {
        return List.copyOf(entries);
    }

    @Override
    public void save(List<ConnectionEntry> newEntries) {
        saves++;
        entries = new ArrayList<>(newEntries);
    }
}
