package org.vireo.app.task;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.vireo.resources.Localized;
import org.vireo.resources.Messages;

/** Strips the wrappers that futures put around the error the user needs to read. */
public final class Failures {
    private Failures() {
    }

    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The message to show in English (CLI, logs): the exception's own message, or its type when it has none. */
    public static String message(Throwable error) {
        Throwable t = unwrap(error);
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** The message to show in the window: in {@code messages}' language when the failure can say it so. */
    public static String message(Throwable error, Messages messages) {
        return Localized.describe(error, messages);
    }
}
