package org.vireo.wizards.migrate;

import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.vireo.connections.migration.PrecheckFailedException;
import org.vireo.connections.migration.PrecheckProblem;
import org.vireo.resources.Messages;

/** Why a migration failed, for the dialogs: the pre-checks' reasons in the user's language, else the error's text. */
final class MigrationErrors {
    private MigrationErrors() {
    }

    static String describe(Throwable error, Messages messages) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof PrecheckFailedException failed) {
            return failed.problems().stream().map(p -> p.message(messages)).collect(Collectors.joining("; "));
        }
        return String.valueOf(cause.getMessage());
    }
}
