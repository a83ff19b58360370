package org.vireo.connections.migration;

import java.util.Objects;

/** One reason a migration cannot start, in words the user can act on. */
public record PrecheckProblem(Kind kind, String message) {
    public enum Kind {
        NOT_CONNECTED, VM_NOT_FOUND, WRONG_STATE, SAME_HOST, HYPERVISOR_MISMATCH, NAME_TAKEN, UUID_TAKEN,
        CPU_INCOMPATIBLE, DISKS_MISSING, NOT_ENOUGH_MEMORY
    }

    public PrecheckProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
