package org.vireo.app.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The running and recent long jobs of the session (migrations, evacuations, VM creation, bulk actions, connect
 * batches), whatever started them. Plain Java so it is tested without a toolkit; the jobs panel and the
 * notifications listen to it. Thread-safe: a job may report from any thread, listeners hear it on that thread.
 */
public final class JobRegistry {
    /** Finished jobs kept for the panel; older ones are dropped first. */
    public static final int DEFAULT_KEEP_FINISHED = 50;

    public enum Kind { MIGRATION, EVACUATION, NEW_VM, BULK, CONNECT }

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /**
     * One job as the panel shows it: immutable, a new value at each change.
     *
     * @param progress 0..1, or negative while unknown
     * @param result   what it achieved (empty while running)
     * @param error    why it failed (empty unless {@link State#FAILED})
     * @param finished null while running
     */
    public record Job(long id, Kind kind, String title, State state, double progress, String detail, String result,
                      String error, Instant started, Instant finished) {

        public boolean running() {
            return state == State.RUNNING;
        }

        /** How long it ran (so far, when still running, measured at {@code now}). */
        public Duration elapsed(Instant now) {
            return Duration.between(started, finished == null ? now : finished);
        }

        /** Worth telling the user about once finished: it failed, or it took at least {@code threshold}. */
        public boolean worthNotifying(Duration threshold) {
            return finished != null && (state == State.FAILED || elapsed(finished).compareTo(threshold) >= 0);
        }
    }

    /** The handle a call site keeps to report on its job; reports after the end are ignored. */
    public final class Handle {
        private final long id;

        private Handle(long id) {
            this.id = id;
        }

        /** @param fraction 0..1, negative while unknown; {@code detail} a short line such as "web1: 40 %" */
        public void progress(double fraction, String detail) {
            update(id, j -> new Job(j.id(), j.kind(), j.title(), j.state(), fraction, detail == null ? "" : detail,
                    j.result(), j.error(), j.started(), null));
        }

        public void succeeded(String result) {
            update(id, j -> new Job(j.id(), j.kind(), j.title(), State.SUCCEEDED, 1, j.detail(),
                    result == null ? "" : result, "", j.started(), clock.instant()));
        }

        /** @param result what was achieved despite the failure (e.g. "2 of 3 done"), may be empty */
        public void failed(String error, String result) {
            update(id, j -> new Job(j.id(), j.kind(), j.title(), State.FAILED, j.progress(), j.detail(),
                    result == null ? "" : result, error == null || error.isBlank() ? "?" : error, j.started(),
                    clock.instant()));
        }

        public long id() {
            return id;
        }
    }

    private final Clock clock;
    private final int keepFinished;
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    /** Per job: true while the job's own window shows it (then its end needs no notification). */
    private final Map<Long, java.util.function.BooleanSupplier> ownView = new java.util.HashMap<>();
    private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    public JobRegistry() {
        this(Clock.systemUTC(), DEFAULT_KEEP_FINISHED);
    }

    public JobRegistry(Clock clock, int keepFinished) {
        if (keepFinished < 0) {
            throw new IllegalArgumentException("keepFinished must be >= 0, was " + keepFinished);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepFinished = keepFinished;
    }

    /** Records a new running job without a window of its own; the listeners hear it at once. */
    public Handle start(Kind kind, String title) {
        return start(kind, title, () -> false);
    }

    /** @param shownInOwnView true while a window of the job's own (its dialog, its progress view) shows it */
    public Handle start(Kind kind, String title, java.util.function.BooleanSupplier shownInOwnView) {
        Job job;
        synchronized (this) {
            job = new Job(nextId++, kind, title, State.RUNNING, -1, "", "", "", clock.instant(), null);
            jobs.put(job.id(), job);
            ownView.put(job.id(), Objects.requireNonNull(shownInOwnView));
        }
        fire(job);
        return new Handle(job.id());
    }

    private void update(long id, java.util.function.UnaryOperator<Job> change) {
        Job next;
        synchronized (this) {
            Job current = jobs.get(id);
            if (current == null || !current.running()) {
                return;
            }
            next = change.apply(current);
            jobs.put(id, next);
            if (!next.running()) {
                dropOldFinished();
            }
        }
        fire(next);
    }

    /** Drops the jobs that finished longest ago beyond the kept number (a job that just ended stays). */
    private void dropOldFinished() {
        List<Job> finished = jobs.values().stream().filter(j -> !j.running())
                .sorted(java.util.Comparator.comparing(Job::finished)).toList();
        for (int i = 0; i < finished.size() - keepFinished; i++) {
            jobs.remove(finished.get(i).id());
            ownView.remove(finished.get(i).id());
        }
    }

    private void fire(Job job) {
        listeners.forEach(l -> l.accept(job));
    }

    /** Every kept job, newest first. */
    public synchronized List<Job> jobs() {
        List<Job> all = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(all);
        return all;
    }

    /** True while the job's own window shows it (asked on the thread that owns that window). */
    public boolean shownInOwnView(long id) {
        java.util.function.BooleanSupplier shown;
        synchronized (this) {
            shown = ownView.get(id);
        }
        return shown != null && shown.getAsBoolean();
    }

    public synchronized int runningCount() {
        return (int) jobs.values().stream().filter(Job::running).count();
    }

    /** Hears every change (a new job, progress, the end) on the reporting thread. */
    public void addListener(Consumer<Job> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Job> listener) {
        listeners.remove(listener);
    }
}
