package org.vireo.connections.migration;

/** The user cancelled: the job was aborted and the guest keeps running on the source. */
public final class MigrationCancelledException extends MigrationException {
    public MigrationCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
