package org.vireo.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vireo.app.CommandLine;
import org.vireo.app.task.Failures;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.migration.MigrationJob;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.MigrationProgress;
import org.vireo.connections.migration.MigrationRequest;
import org.vireo.connections.migration.MigrationResult;
import org.vireo.connections.migration.MigrationTransport;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.store.ConnectionEntry;

/**
 * {@code vireo migrate VM --from URI --to URI [options]}: the same engine as the window, printing a line per
 * progress sample and the result. Exit 0 only when the VM runs (live) or is defined (offline) on the
 * destination; 1 when it did not move (pre-checks, failure); 2 for bad arguments.
 */
public final class MigrateCommand implements CliCommand {
    static final String USAGE = "usage: vireo migrate VM --from URI --to URI [--offline] [--copy-storage]"
            + " [--bandwidth MiB/s] [--p2p] [--tunnelled] [--migrate-uri URI] [--listen-address ADDR] [--postcopy]"
            + " [--auto-converge] [--max-downtime MS] [--accept-new-host-keys]";
    /** A migration may take long; the hosts' own keepalive ends it if a link dies. */
    private static final Duration MIGRATION_LIMIT = Duration.ofHours(24);
    private final CliEnvironment environment;

    public MigrateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The parsed arguments. */
    record Args(String vm, String from, String to, MigrationOptions options, boolean acceptNewHostKeys) {
    }

    /** Thrown for arguments that make no sense; the message names the argument. */
    static final class BadArgs extends Exception {
        BadArgs(String message) {
            super(message);
        }
    }

    static Args parse(List<String> rest) throws BadArgs {
        String vm = null;
        String from = null;
        String to = null;
        boolean offline = false;
        boolean copy = false;
        boolean p2p = false;
        boolean tunnelled = false;
        boolean postCopy = false;
        boolean converge = false;
        boolean accept = false;
        String migrateUri = null;
        String listen = null;
        long bandwidth = 0;
        long downtime = 0;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--from" -> from = value(rest, ++i, arg);
                case "--to" -> to = value(rest, ++i, arg);
                case "--offline" -> offline = true;
                case "--copy-storage" -> copy = true;
                case "--p2p" -> p2p = true;
                case "--tunnelled", "--tunneled" -> tunnelled = true;
                case "--postcopy" -> postCopy = true;
                case "--auto-converge" -> converge = true;
                case "--accept-new-host-keys" -> accept = true;
                case "--migrate-uri" -> migrateUri = value(rest, ++i, arg);
                case "--listen-address" -> listen = value(rest, ++i, arg);
                case "--bandwidth" -> bandwidth = count(value(rest, ++i, arg), arg, "MiB/s");
                case "--max-downtime" -> downtime = count(value(rest, ++i, arg), arg, "milliseconds");
                default -> {
                    if (arg.startsWith("-")) {
                        throw new BadArgs("unknown argument '" + arg + "'");
                    }
                    if (vm != null) {
                        throw new BadArgs("one VM at a time: got '" + vm + "' and '" + arg + "'");
                    }
                    vm = arg;
                }
            }
        }
        if (vm == null) {
            throw new BadArgs("which VM? give its name or UUID");
        }
        if (from == null || to == null) {
            throw new BadArgs("--from URI and --to URI are both needed");
        }
        for (String uri : List.of(from, to)) {
            try {
                LibvirtUri.parse(uri);
            } catch (InvalidUriException e) {
                throw new BadArgs(e.getMessage());
            }
        }
        MigrationTransport transport = tunnelled ? MigrationTransport.TUNNELLED
                : p2p ? MigrationTransport.PEER_TO_PEER : MigrationTransport.DIRECT;
        try {
            return new Args(vm, from, to, new MigrationOptions(offline ? MigrationMode.OFFLINE : MigrationMode.LIVE, true,
                    true, copy, transport, migrateUri, listen, bandwidth, downtime, converge, postCopy), accept);
        } catch (IllegalArgumentException e) {
            throw new BadArgs(e.getMessage());
        }
    }

    private static String value(List<String> rest, int i, String option) throws BadArgs {
        if (i >= rest.size()) {
            throw new BadArgs(option + " needs a value");
        }
        return rest.get(i);
    }

    private static long count(String text, String option, String unit) throws BadArgs {
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadArgs(option + " '" + text + "' is not a whole number of " + unit);
        }
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        Args args;
        try {
            args = parse(line.rest());
        } catch (BadArgs e) {
            err.println("vireo migrate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        HostKeyPrompt hostKeys = args.acceptNewHostKeys() ? HostKeyPrompt.acceptNew() : HostKeyPrompt.refuseUnknown();
        SshSessions sessions = new SshSessions(environment.ssh(), hostKeys, AuthPrompt.none());
        OpenerByTransport opener = OpenerByTransport.standard(sessions);
        HostConnection source = new HostConnection(ConnectionEntry.of(args.from()), opener,
                HostConnection.DEFAULT_POLL_INTERVAL, ReconnectPolicy.NEVER);
        HostConnection dest = new HostConnection(ConnectionEntry.of(args.to()), opener,
                HostConnection.DEFAULT_POLL_INTERVAL, ReconnectPolicy.NEVER);
        try {
            if (!connect(source, err) | !connect(dest, err)) {
                return 1;
            }
            Optional<VmInfo> vm = source.snapshot().vms().stream()
                    .filter(v -> v.name().equals(args.vm()) || v.uuid().equalsIgnoreCase(args.vm())).findFirst();
            if (vm.isEmpty()) {
                err.println("vireo migrate: no VM '" + args.vm() + "' on " + args.from());
                return 1;
            }
            out.println("migrating " + vm.get().name() + " (" + args.options().mode().name().toLowerCase(Locale.ROOT)
                    + ") from " + args.from() + " to " + args.to());
            MigrationJob job = new Migrator().start(new MigrationRequest(vm.get().uuid(), source, dest, args.options()),
                    p -> printProgress(out, p));
            MigrationResult result;
            try {
                result = job.result().get(MIGRATION_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                err.println("vireo migrate: " + Failures.message(e.getCause()));
                return 1;
            }
            VmState there = dest.snapshot().vms().stream().filter(v -> v.uuid().equals(vm.get().uuid()))
                    .map(VmInfo::state).findFirst().orElse(null);
            boolean arrived = there != null && (args.options().mode() == MigrationMode.OFFLINE || there == VmState.RUNNING);
            if (!arrived) {
                err.println("vireo migrate: " + vm.get().name() + " is not " + (args.options().mode() == MigrationMode.LIVE
                        ? "running" : "defined") + " on " + args.to() + " after the migration (state: " + there + ")");
                return 1;
            }
            out.printf(Locale.ROOT, "migrated %s to %s in %.1f s (%s there)%n", result.vmName(), args.to(),
                    result.elapsed().toMillis() / 1000.0, there.name().toLowerCase(Locale.ROOT));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("vireo migrate: interrupted");
            return 1;
        } catch (TimeoutException e) {
            err.println("vireo migrate: no result within " + MIGRATION_LIMIT.toHours() + " h");
            return 1;
        } finally {
            CompletableFuture.allOf(source.closeAsync(), dest.closeAsync()).orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((done, failure) -> sessions.close());
        }
    }

    private boolean connect(HostConnection host, PrintStream err) throws InterruptedException {
        try {
            host.connect().get(environment.hostTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            err.println("vireo migrate: " + Failures.message(e.getCause()));
        } catch (TimeoutException e) {
            err.println("vireo migrate: " + host.entry().uri() + ": no answer within "
                    + environment.hostTimeout().toSeconds() + " s");
        }
        return false;
    }

    private static void printProgress(PrintStream out, MigrationProgress p) {
        synchronized (out) {
            out.printf(Locale.ROOT, "progress %5.1f s: %s MiB sent, %s MiB left of %s MiB, dirty %s pages/s,"
                            + " expected downtime %s ms%n", p.elapsed().toMillis() / 1000.0, mib(p.dataProcessed()),
                    mib(p.dataRemaining()), mib(p.dataTotal()), known(p.memoryDirtyRate()), known(p.expectedDowntimeMs()));
        }
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : Long.toString(bytes / (1024 * 1024));
    }

    private static String known(long v) {
        return v < 0 ? "?" : Long.toString(v);
    }
}
