package org.vireo.resources;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A failure (or anything else shown to the user) that can say itself in the user's language. */
public interface Localized {
    Text text();

    /**
     * What to tell the user about {@code error} in {@code messages}' language: its {@link #text()} when it is
     * {@link Localized} (behind any future's wrapper), else its own message, or its type when it has none.
     */
    static String describe(Throwable error, Messages messages) {
        return textOf(unwrapped(error)).in(messages);
    }

    /** The failure behind any future's wrapper ({@link CompletionException}, {@link ExecutionException}). */
    static Throwable unwrapped(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code error} as a text: its own when it is {@link Localized}, else its message verbatim. */
    static Text textOf(Throwable error) {
        if (error instanceof Localized l) {
            return l.text();
        }
        String message = error.getMessage();
        return Text.verbatim(message == null || message.isBlank() ? error.getClass().getSimpleName() : message);
    }
}
