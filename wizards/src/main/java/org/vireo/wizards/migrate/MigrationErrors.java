package org.vireo.wizards.migrate;

import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.vireo.connections.migration.PrecheckFailedException;
import org.vireo.connections.migration.PrecheckProblem;
import org.vireo.resources.Messages;
import org.vireo.resources.Localized;

/** Why a migration failed, for the dialogs, in the user's language: the pre-checks' reasons, else the error's own text. */
final class MigrationErrors {
    private MigrationErrors() {
    }

    static String describe(Throwable error, Messages messages) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof PrecheckFailedException failed) {
            return failed.problems().stream().map(p -> p.message(messages)).collect(Collectors.joining("; "));
        }
        return Localized.describe(cause, messages);
    }
}
