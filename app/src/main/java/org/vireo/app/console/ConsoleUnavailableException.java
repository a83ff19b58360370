package org.vireo.app.console;

import org.vireo.connections.console.ConsoleLookup;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/**
 * The VM offers nothing Vireo can show (no graphics, SPICE only, not listening); {@link #status()} says which,
 * {@link #text()} says it in the user's language.
 */
public final class ConsoleUnavailableException extends Exception implements Localized {
    private final ConsoleLookup.Status status;
    private final transient Text text;

    public ConsoleUnavailableException(ConsoleLookup.Status status, Text text) {
        super(text.english());
        this.status = status;
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

    public ConsoleLookup.Status status() {
        return status;
    }
}
