package org.vireo.connections.migration;

import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/**
 * A migration that did not happen; the message says why (in English, {@link #text()} in the user's language), the
 * guest stays where it was.
 */
public class MigrationException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Text text;

    public MigrationException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    public MigrationException(Text text) {
        this(text, null);
    }

    @Override
    public Text text() {
        return text;
    }
}
