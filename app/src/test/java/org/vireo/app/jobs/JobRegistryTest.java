package org.vireo.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRegistryTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final JobRegistry registry = new JobRegistry(clock, 2);

    @Test
    void aJobRunsReportsProgressAndEndsWithItsResult() {
        List<JobRegistry.Job> heard = new ArrayList<>();
        registry.addListener(heard::add);
        JobRegistry.Handle job = registry.start(JobRegistry.Kind.BULK, "Force off on 3 VMs");
        assertEquals(1, registry.runningCount());
        job.progress(0.5, "1 of 3 done");
        clock.advance(Duration.ofSeconds(3));
        job.succeeded("3 of 3 done, 0 failed");

        JobRegistry.Job done = registry.jobs().get(0);
        assertEquals(JobRegistry.State.SUCCEEDED, done.state());
        assertEquals("3 of 3 done, 0 failed", done.result());
        assertEquals("", done.error());
        assertEquals(Duration.ofSeconds(3), done.elapsed(Instant.EPOCH));
        assertEquals(0, registry.runningCount());
        assertEquals(List.of(JobRegistry.State.RUNNING, JobRegistry.State.RUNNING, JobRegistry.State.SUCCEEDED),
                heard.stream().map(JobRegistry.Job::state).toList());
        assertEquals(0.5, heard.get(1).progress());
        assertEquals("1 of 3 done", heard.get(1).detail());
    }

    @Test
    void aFailedJobKeepsItsErrorAndWhatItAchieved() {
        JobRegistry.Handle job = registry.start(JobRegistry.Kind.MIGRATION, "Migrate web1 to B");
        job.failed("Migration failed: no route to host", "");
        JobRegistry.Job failed = registry.jobs().get(0);
        assertEquals(JobRegistry.State.FAILED, failed.state());
        assertEquals("Migration failed: no route to host", failed.error());
        assertTrue(failed.worthNotifying(Duration.ofSeconds(2)), "a failure is always worth telling");
    }

    @Test
    void aJobKnowsWhetherItsOwnWindowShowsIt() {
        boolean[] open = {true};
        JobRegistry.Handle watched = registry.start(JobRegistry.Kind.MIGRATION, "Migrate web1 to B", () -> open[0]);
        JobRegistry.Handle plain = registry.start(JobRegistry.Kind.MIGRATION, "Migrate web2 to B");
        assertTrue(registry.shownInOwnView(watched.id()));
        assertFalse(registry.shownInOwnView(plain.id()));
        open[0] = false;
        assertFalse(registry.shownInOwnView(watched.id()), "the dialog was closed");
    }

    @Test
    void reportsAfterTheEndChangeNothing() {
        JobRegistry.Handle job = registry.start(JobRegistry.Kind.NEW_VM, "Create VM a");
        job.failed("disk full", "");
        job.succeeded("late");
        job.progress(0.9, "late");
        JobRegistry.Job kept = registry.jobs().get(0);
        assertEquals(JobRegistry.State.FAILED, kept.state());
        assertEquals("disk full", kept.error());
        assertEquals("", kept.result());
    }

    @Test
    void onlyLongOrFailedJobsAreWorthANotification() {
        JobRegistry.Handle quick = registry.start(JobRegistry.Kind.BULK, "quick");
        clock.advance(Duration.ofMillis(500));
        quick.succeeded("ok");
        JobRegistry.Handle slow = registry.start(JobRegistry.Kind.BULK, "slow");
        assertFalse(registry.jobs().get(0).worthNotifying(Duration.ofSeconds(2)), "still running");
        clock.advance(Duration.ofSeconds(2));
        slow.succeeded("ok");
        List<JobRegistry.Job> jobs = registry.jobs();
        assertEquals("slow", jobs.get(0).title());
        assertTrue(jobs.get(0).worthNotifying(Duration.ofSeconds(2)));
        assertFalse(jobs.get(1).worthNotifying(Duration.ofSeconds(2)));
    }

    @Test
    void newestFirstAndOnlyTheLastFinishedAreKeptWhileRunningOnesStay() {
        JobRegistry.Handle running = registry.start(JobRegistry.Kind.CONNECT, "Connecting 100 hosts");
        for (int i = 1; i <= 4; i++) {
            registry.start(JobRegistry.Kind.BULK, "bulk " + i).succeeded("done " + i);
        }
        List<String> titles = registry.jobs().stream().map(JobRegistry.Job::title).toList();
        assertEquals(List.of("bulk 4", "bulk 3", "Connecting 100 hosts"), titles);
        assertNull(registry.jobs().get(2).finished());
        clock.advance(Duration.ofSeconds(1));
        running.succeeded("100 connected");
        assertEquals(List.of("bulk 4", "Connecting 100 hosts"), registry.jobs().stream().map(JobRegistry.Job::title)
                .toList(), "the job that ended longest ago made room");
    }
}
