package org.vireo.app.console;

import java.io.IOException;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/** A VM's console could not be reached or read: English by {@link #getMessage()}, the user's language by {@link #text()}. */
public final class ConsoleFailedException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Text text;

    public ConsoleFailedException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
