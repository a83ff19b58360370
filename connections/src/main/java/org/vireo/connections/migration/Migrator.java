package org.vireo.connections.migration;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Starts migrations. Each runs on its own thread with its own pair of libvirt connections (see
 * docs/decisions/0006-migration-threads.md), so neither host's thread is held up while the guest moves.
 */
public final class Migrator {
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);
    private final Prechecks prechecks;
    private final Duration progressInterval;

    public Migrator() {
        this(new Prechecks(), DEFAULT_PROGRESS_INTERVAL);
    }

    public Migrator(Prechecks prechecks, Duration progressInterval) {
        this.prechecks = Objects.requireNonNull(prechecks, "prechecks");
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progress interval must be positive, was " + progressInterval);
        }
        this.progressInterval = progressInterval;
    }

    public Prechecks prechecks() {
        return prechecks;
    }

    /**
     * Runs the pre-checks, then the migration; returns at once. {@code progress} hears each job-statistics
     * sample on a background thread. The job's result fails with {@link PrecheckFailedException},
     * {@link MigrationCancelledException} or {@link MigrationException}; in every failure the guest stays
     * on the source.
     */
    public MigrationJob start(MigrationRequest request, Consumer<MigrationProgress> progress) {
        MigrationJob job = new MigrationJob(request, prechecks, progressInterval, progress);
        job.launch();
        return job;
    }
}
