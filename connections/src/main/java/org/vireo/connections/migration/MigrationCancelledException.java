package org.vireo.connections.migration;

import org.vireo.resources.Text;

/** The user cancelled: the job was aborted and the guest keeps running on the source. */
public final class MigrationCancelledException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public MigrationCancelledException(Text text, Throwable cause) {
        super(text, cause);
    }
}
