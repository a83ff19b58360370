package org.vireo.connections.migration;

import java.util.List;
import java.util.Objects;
import org.vireo.resources.Messages;
import org.vireo.resources.Text;

/**
 * One reason a migration cannot start, in words the user can act on: a bundle key and its values, so the window
 * says it in the user's language and the CLI and logs in English. Each value is a string, or a {@link Text} said
 * in the same language as the sentence around it.
 */
public record PrecheckProblem(Kind kind, String key, List<Object> args) {
    public enum Kind {
        NOT_CONNECTED, VM_NOT_FOUND, WRONG_STATE, SAME_HOST, HYPERVISOR_MISMATCH, NAME_TAKEN, UUID_TAKEN,
        CPU_INCOMPATIBLE, DISKS_MISSING, NOT_ENOUGH_MEMORY
    }

    public PrecheckProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    static PrecheckProblem of(Kind kind, String key, Object... args) {
        return new PrecheckProblem(kind, key, Text.of(key, args).args());
    }

    /** As a text, e.g. inside another sentence. */
    public Text text() {
        return Text.of(key, args.toArray());
    }

    /** In {@code messages}' language. */
    public String message(Messages messages) {
        return text().in(messages);
    }

    /** In English (the CLI, logs and exceptions). */
    public String message() {
        return text().english();
    }
}
