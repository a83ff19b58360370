package org.vireo.connections.nodelist;

import java.util.List;
import org.vireo.connections.store.ConnectionEntry;

/** Where imports read the saved connections from and write them back to (the connection store in the app). */
public interface ConnectionRepository {
    List<ConnectionEntry> load();

    /** Replaces the saved list with {@code entries}. */
    void save(List<ConnectionEntry> entries);
}
