package org.vireo.connections.migration;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainJobStats;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenedConnection;
import org.vireo.connections.libvirt.TransportException;
import org.vireo.resources.Text;

/**
 * One running migration. The blocking virDomainMigrate3 call runs on the thread "migrate-NAME" over a
 * separate connection to each host; the job statistics are polled, and cancel, bandwidth and post-copy
 * requests are sent, from a second thread over the same source connection (libvirt connections are
 * thread-safe, and a migration job accepts these calls while it runs).
 */
public final class MigrationJob {
    private static final System.Logger LOG = System.getLogger(MigrationJob.class.getName());
    /** A remote link that stalls during a long migrate call is dropped instead of hanging it. */
    private static final int KEEPALIVE_INTERVAL_S = 5;
    private static final int KEEPALIVE_COUNT = 6;

    private final MigrationRequest request;
    private final Prechecks prechecks;
    private final Duration progressInterval;
    private final Consumer<MigrationProgress> progressListener;
    private final String vmName;
    private final CompletableFuture<MigrationResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean tuned = new AtomicBoolean();
    private final ScheduledExecutorService control;
    private volatile Domain sourceDomain;
    private volatile MigrationProgress last;
    private long startNanos;

    MigrationJob(MigrationRequest request, Prechecks prechecks, Duration progressInterval,
                 Consumer<MigrationProgress> progressListener) {
        this.request = request;
        this.prechecks = prechecks;
        this.progressInterval = progressInterval;
        this.progressListener = progressListener == null ? p -> { } : progressListener;
        this.vmName = request.vmName();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "migrate-control-" + vmName);
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.control = pool;
    }

    public MigrationRequest request() {
        return request;
    }

    /** Completes when the guest is on the destination and both hosts have re-read their VMs. */
    public CompletableFuture<MigrationResult> result() {
        return result;
    }

    /** The last job-statistics sample, if any arrived. */
    public Optional<MigrationProgress> lastProgress() {
        return Optional.ofNullable(last);
    }

    /**
     * Aborts the job (virDomainAbortJob); the guest keeps running on the source. Returns at once; the
     * result then fails with {@link MigrationCancelledException}. Cancelling before the copy starts stops it
     * from starting.
     */
    public CompletableFuture<Void> cancel() {
        cancelled.set(true);
        return onControl(domain -> domain.abortJob());
    }

    /** Changes the bandwidth limit while it runs (virDomainMigrateSetMaxSpeed, through JNA). */
    public CompletableFuture<Void> setMaxSpeed(long mibs) {
        return onControl(domain -> MigrationNative.setMaxSpeed(domain, mibs));
    }

    /** Switches to post-copy (needs the post-copy option): the guest runs on the destination at once. */
    public CompletableFuture<Void> startPostCopy() {
        if (!request.options().postCopy()) {
            return CompletableFuture.failedFuture(MigrationFailures.postCopyNotEnabled());
        }
        return onControl(MigrationNative::startPostCopy);
    }

    @FunctionalInterface
    private interface DomainControl {
        void apply(Domain domain) throws LibvirtException, MigrationException;
    }

    private CompletableFuture<Void> onControl(DomainControl action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            control.execute(() -> {
                Domain domain = sourceDomain;
                if (domain == null || result.isDone()) {
                    done.complete(null); // not started yet (a cancel then stops the start) or already over
                    return;
                }
                try {
                    action.apply(domain);
                    done.complete(null);
                } catch (LibvirtException e) {
                    done.completeExceptionally(MigrationFailures.control(vmName, e));
                } catch (MigrationException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.complete(null); // the job is over
        }
        return done;
    }

    void launch() {
        Thread thread = new Thread(this::run, "migrate-" + vmName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        startNanos = System.nanoTime();
        try {
            List<PrecheckProblem> problems = prechecks.run(request).get();
            if (!problems.isEmpty()) {
                throw new PrecheckFailedException(vmName, problems);
            }
            migrate();
            refreshBoth().get(30, TimeUnit.SECONDS);
            result.complete(new MigrationResult(request.vmUuid(), vmName, request.source().id(),
                    request.destination().id(), request.options().mode(), Duration.ofNanos(System.nanoTime() - startNanos),
                    Optional.ofNullable(last)));
        } catch (MigrationException e) {
            refreshBoth();
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(MigrationFailures.interrupted(vmName, e));
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            refreshBoth();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            result.completeExceptionally(MigrationFailures.unexpected(vmName, cause));
        } finally {
            control.shutdownNow();
        }
    }

    /** Both hosts re-read their VMs now: the guest shows under its new host without waiting for a poll. */
    private CompletableFuture<Void> refreshBoth() {
        return CompletableFuture.allOf(request.source().refresh().exceptionally(e -> null),
                request.destination().refresh().exceptionally(e -> null));
    }

    private void migrate() throws MigrationException {
        HostConnection src = request.source();
        HostConnection dst = request.destination();
        Text action = MigrationFailures.action(vmName, MigrationTargets.label(src.snapshot()),
                MigrationTargets.label(dst.snapshot()));
        OpenedConnection s = null;
        OpenedConnection d = null;
        StoragePreparer storage = null;
        boolean moved = false;
        try {
            s = open(src, action);
            d = open(dst, action);
            Domain domain = s.connect().domainLookupByUUIDString(request.vmUuid());
            try {
                MigrationOptions o = request.options();
                if (o.copyStorage()) {
                    storage = new StoragePreparer(s.connect(), d.connect(), MigrationTargets.label(dst.snapshot()));
                    storage.createMissing(MigrationXml.diskPaths(MigrationXml.parse(domain.getXMLDesc(0))));
                }
                sourceDomain = domain;
                if (cancelled.get()) {
                    throw MigrationFailures.cancelledBeforeStart(vmName);
                }
                if (o.mode() == MigrationMode.LIVE) {
                    long millis = progressInterval.toMillis();
                    control.scheduleWithFixedDelay(this::sample, millis / 2, millis, TimeUnit.MILLISECONDS);
                }
                TypedParameter[] params = MigrationCall.params(o, domain.getName());
                int flags = MigrationCall.flags(o);
                if (o.transport().isPeerToPeer()) {
                    migratePeerToPeer(domain, params, flags, action);
                } else {
                    Domain there = domain.migrate(d.connect(), params, flags);
                    if (there != null) {
                        there.free();
                    }
                }
                moved = true;
            } finally {
                sourceDomain = null;
                drainControl(); // no sample or abort may still use the handle when it is freed
                freeQuietly(domain);
            }
        } catch (LibvirtException e) {
            if (cancelled.get()) {
                throw MigrationFailures.cancelled(vmName, MigrationTargets.label(src.snapshot()), e);
            }
            throw MigrationFailures.failed(action, e);
        } finally {
            if (!moved && storage != null) {
                storage.removeCreated();
            }
            close(d);
            close(s);
        }
    }

    /**
     * The source's libvirtd opens the destination URI itself, with its own credentials (not this client's SSH
     * keys or tunnels): a failure says so, since that is the usual reason.
     */
    private void migratePeerToPeer(Domain domain, TypedParameter[] params, int flags, Text action)
            throws LibvirtException, MigrationException {
        String dconnuri = request.destination().entry().uri();
        try {
            domain.migrateToURI(dconnuri, params, flags);
        } catch (LibvirtException e) {
            if (cancelled.get()) {
                throw e;
            }
            throw MigrationFailures.peerToPeer(action, e, MigrationTargets.label(request.source().snapshot()), dconnuri);
        }
    }

    /** Waits until the control thread has finished what it was doing (it reads {@code sourceDomain} first). */
    private void drainControl() {
        try {
            control.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "migration control of {0} did not settle: {1}", vmName, e.toString());
        }
    }

    private static OpenedConnection open(HostConnection host, Text action) throws MigrationException {
        OpenedConnection opened;
        try {
            opened = host.openSeparate();
        } catch (LibvirtException | TransportException e) {
            throw MigrationFailures.failed(action, e);
        }
        boolean remote = LibvirtUri.tryParse(host.entry().uri()).map(LibvirtUri::isRemote).orElse(false);
        if (remote) {
            try {
                opened.connect().setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT);
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoSupport(e)) {
                    close(opened);
                    throw MigrationFailures.failed(action, e);
                }
            }
        }
        return opened;
    }

    /** One job-statistics sample; the first one of a running job also applies the maximum downtime. */
    private void sample() {
        Domain domain = sourceDomain;
        if (domain == null) {
            return;
        }
        try {
            DomainJobStats stats = domain.getJobStats(0);
            if (stats.type == 0) {
                return; // VIR_DOMAIN_JOB_NONE: not started yet, or already over
            }
            long maxDowntime = request.options().maxDowntimeMs();
            if (maxDowntime > 0 && tuned.compareAndSet(false, true)) {
                domain.migrateSetMaxDowntime(maxDowntime);
            }
            MigrationProgress p = toProgress(stats.stats, Duration.ofNanos(System.nanoTime() - startNanos));
            last = p;
            progressListener.accept(p);
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "job stats of {0}: {1}", vmName, LibvirtErrors.reason(e));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "progress listener of the migration of " + vmName + " failed", e);
        }
    }

    static MigrationProgress toProgress(TypedParameter[] params, Duration elapsed) {
        Map<String, Long> values = new HashMap<>();
        if (params != null) {
            for (TypedParameter p : params) {
                try {
                    values.put(p.field, Long.parseLong(p.getValueAsString()));
                } catch (NumberFormatException e) {
                    // a text or fractional field: none of the figures shown
                }
            }
        }
        return new MigrationProgress(elapsed, values.getOrDefault("data_processed", -1L),
                values.getOrDefault("data_remaining", -1L), values.getOrDefault("data_total", -1L),
                values.getOrDefault("memory_dirty_rate", -1L), values.getOrDefault("downtime", -1L));
    }

    private static void close(OpenedConnection opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.connect().close();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a migration connection: {0}", LibvirtErrors.reason(e));
        } finally {
            opened.transport().close();
        }
    }

    private static void freeQuietly(Domain domain) {
        try {
            domain.free();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "freeing a domain: {0}", LibvirtErrors.reason(e));
        }
    }
}
