package org.vireo.connections.migration;

import org.vireo.resources.LocalizedException;
import org.vireo.resources.Text;

/**
 * A migration that did not happen; the message says why (in English, {@link #text()} in the user's language), the
 * guest stays where it was.
 */
public class MigrationException extends LocalizedException {
    private static final long serialVersionUID = 1L;

    public MigrationException(Text text, Throwable cause) {
        super(text, cause);
    }

    public MigrationException(Text text) {
        this(text, null);
    }
}
