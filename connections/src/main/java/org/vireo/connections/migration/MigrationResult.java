package org.vireo.connections.migration;

import java.time.Duration;
import java.util.Optional;

/**
 * A finished migration.
 *
 * @param lastProgress the last job-statistics sample seen while it ran (none for very short or offline runs)
 */
public record MigrationResult(String vmUuid, String vmName, String sourceId, String destinationId,
                              MigrationMode mode, Duration elapsed, Optional<MigrationProgress> lastProgress) {
}
