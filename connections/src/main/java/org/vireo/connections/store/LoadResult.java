package org.vireo.connections.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ConnectionStore#load()} found.
 *
 * @param problem a message for the user when the file could not be used (it names the file, where it went
 *                and why); empty when everything was fine or there was no file yet
 */
public record LoadResult(List<ConnectionEntry> entries, Optional<String> problem) {
    public LoadResult {
        entries = List.copyOf(entries);
        Objects.requireNonNull(problem, "problem");
    }
}
