package org.vireo.wizards.newvm;

import java.util.Locale;
import org.vireo.resources.Messages;

/**
 * The draft cannot become a VM on the chosen host. It carries a bundle key and its arguments, so each caller
 * shows it in its user's language ({@link #message}); {@link #getMessage()} is the English text, for logs.
 */
public final class DraftException extends Exception {
    private final String key;
    private final transient Object[] args;

    public DraftException(String key, Object... args) {
        super(new Messages(Locale.ROOT).get(key, args));
        this.key = key;
        this.args = args.clone();
    }

    public String message(Messages messages) {
        return messages.get(key, args);
    }
}
