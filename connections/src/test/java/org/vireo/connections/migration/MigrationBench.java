package org.vireo.connections.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/**
 * {@code testbed/bench migrate}: live-migrates one idle guest A → B with Vireo's engine (both hosts already
 * connected, as in the window: from the dialog's confirm to "running on B" with both hosts re-read) and with
 * {@code virsh migrate --live}, rounds alternating which goes first; the guest goes back to A untimed between
 * runs. Prints a line per round, the phases of Vireo's job, and the medians. Not a test.
 */
public final class MigrationBench {
    private static final String PREFIX = "vireo-bench-mig";
    private static final long LIMIT_S = 120;

    private final Testbed bed;
    private final String name;
    private final HostConnection a;
    private final HostConnection b;
    private final MigrationOptions options = MigrationOptions.defaults(MigrationMode.LIVE)
            .withAddresses("tcp://127.0.0.1", "127.0.0.1");

    private MigrationBench(Testbed bed, String name, HostConnection a, HostConnection b) {
        this.bed = bed;
        this.name = name;
        this.a = a;
        this.b = b;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Testbed bed = Testbed.require();
        TestGuests guests = new TestGuests(bed);
        String name = TestGuests.uniqueName(PREFIX);
        String uuid;
        Connect directA = new Connect(bed.hostA().unixUri());
        try {
            Domain d = guests.define(directA, name);
            d.create();
            uuid = d.getUUIDString();
            d.free();
        } finally {
            directA.close();
        }
        HostConnection a = connect(bed.hostA().unixUri());
        HostConnection b = connect(bed.hostB().unixUri());
        try {
            new MigrationBench(bed, name, a, b).run(uuid, rounds);
        } finally {
            a.closeAsync().get(20, TimeUnit.SECONDS);
            b.closeAsync().get(20, TimeUnit.SECONDS);
            for (Testbed.Host h : bed.hosts()) {
                Connect c = new Connect(h.unixUri());
                try {
                    guests.cleanup(c, PREFIX); // the instance that defined the guest knows its name
                } finally {
                    c.close();
                }
            }
        }
        System.exit(0); // libvirt's and the hosts' daemon threads may linger
    }

    private static HostConnection connect(String uri) throws Exception {
        HostConnection h = new HostConnection(new ConnectionEntry(UUID.randomUUID().toString(), uri, null, null, true,
                false, null), HostConnection.Opener.direct(), HostConnection.DEFAULT_POLL_INTERVAL, ReconnectPolicy.NEVER);
        h.connect().get(30, TimeUnit.SECONDS);
        return h;
    }

    private void run(String uuid, int rounds) throws Exception {
        // Warm-up (class loading, JIT): one of each, not counted.
        if (System.getenv("VIREO_BENCH_VARIANTS") != null) {
            for (int i = 1; i <= rounds; i++) {
                long x = virsh();
                back();
                long r = rawCall();
                back();
                long u = vireoUnsampled(uuid);
                back();
                long v = vireo(uuid);
                back();
                System.out.printf(Locale.ROOT, "variants %d: virsh %d | raw call %d | engine unsampled %d | engine %d ms%n",
                        i, x, r, u, v);
            }
            return;
        }
        long warmVireo = vireo(uuid);
        back();
        long warmVirsh = virsh();
        back();
        System.out.printf(Locale.ROOT, "warm-up: vireo %d ms, virsh %d ms (not counted)%n", warmVireo, warmVirsh);
        List<Long> vireo = new ArrayList<>();
        List<Long> virsh = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            if (round % 2 == 1) {
                vireo.add(vireo(uuid));
                back();
                virsh.add(virsh());
                back();
            } else {
                virsh.add(virsh());
                back();
                vireo.add(vireo(uuid));
                back();
            }
            System.out.printf(Locale.ROOT, "round %d: vireo %d ms | virsh %d ms%n", round, vireo.get(round - 1),
                    virsh.get(round - 1));
        }
        phases(uuid);
        long vm = median(vireo);
        long xm = median(virsh);
        System.out.printf(Locale.ROOT, "RESULT vireo-median-ms=%d virsh-median-ms=%d ratio=%.2f rounds=%d%n", vm, xm,
                (double) vm / xm, rounds);
    }

    /** Vireo's engine, from start to the job's result (guest on B, both hosts re-read); checked after the clock. */
    private long vireo(String uuid) throws Exception {
        long t0 = System.nanoTime();
        new Migrator().start(new MigrationRequest(uuid, a, b, options), p -> { }).result().get(LIMIT_S, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        requireRunningOnB();
        return ms;
    }

    /** The engine without job-statistics sampling (a progress interval longer than any migration). */
    private long vireoUnsampled(String uuid) throws Exception {
        long t0 = System.nanoTime();
        new Migrator(new Prechecks(), Duration.ofHours(1)).start(new MigrationRequest(uuid, a, b, options), p -> { })
                .result().get(LIMIT_S, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        requireRunningOnB();
        return ms;
    }

    /** libvirt's call alone over fresh connections, as virsh makes it: no pre-checks, no sampling, no re-read. */
    private long rawCall() throws Exception {
        long t0 = System.nanoTime();
        Connect ca = new Connect(bed.hostA().unixUri());
        Connect cb = new Connect(bed.hostB().unixUri());
        try {
            Domain d = ca.domainLookupByName(name);
            d.migrate(cb, MigrationCall.params(options, name), MigrationCall.flags(options)).free();
            d.free();
        } finally {
            cb.close();
            ca.close();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        requireRunningOnB();
        return ms;
    }

    private long virsh() throws Exception {
        long t0 = System.nanoTime();
        virshMigrate(bed.hostA().unixUri(), bed.hostB().unixUri());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        requireRunningOnB();
        return ms;
    }

    /** Untimed: the guest goes home to A for the next run; both hosts re-read so the engine starts from fresh snapshots. */
    private void back() throws Exception {
        virshMigrate(bed.hostB().unixUri(), bed.hostA().unixUri());
        a.refresh().get(30, TimeUnit.SECONDS);
        b.refresh().get(30, TimeUnit.SECONDS);
    }

    private void virshMigrate(String from, String to) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("virsh", "-c", from, "migrate", "--live", "--persistent", "--undefinesource",
                name, to, "--migrateuri", "tcp://127.0.0.1", "--listen-address", "127.0.0.1")
                .redirectErrorStream(true).start();
        if (!p.waitFor(LIMIT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("virsh migrate " + name + " did not finish within " + LIMIT_S + " s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("virsh migrate " + name + " from " + from + " failed: " + out.strip());
        }
    }

    private void requireRunningOnB() throws LibvirtException {
        Connect c = new Connect(bed.hostB().unixUri());
        try {
            Domain d = c.domainLookupByName(name);
            try {
                if (d.getInfo().state != DomainInfo.DomainState.VIR_DOMAIN_RUNNING) {
                    throw new IllegalStateException(name + " is " + d.getInfo().state + " on B");
                }
            } finally {
                d.free();
            }
        } finally {
            c.close();
        }
    }

    /** Where Vireo's time goes besides the migrate call itself: the pre-checks and re-reading both hosts. */
    private void phases(String uuid) throws Exception {
        List<Long> checks = new ArrayList<>();
        List<Long> refresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            List<PrecheckProblem> problems = new Prechecks().run(new MigrationRequest(uuid, a, b, options))
                    .get(30, TimeUnit.SECONDS);
            checks.add((System.nanoTime() - t0) / 1000);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("pre-checks refuse: " + problems);
            }
            long t1 = System.nanoTime();
            java.util.concurrent.CompletableFuture.allOf(a.refresh(), b.refresh()).get(30, TimeUnit.SECONDS);
            refresh.add((System.nanoTime() - t1) / 1000);
        }
        System.out.printf(Locale.ROOT, "vireo phases (median of 5): pre-checks %.1f ms, re-read both hosts %.1f ms%n",
                median(checks) / 1000.0, median(refresh) / 1000.0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
