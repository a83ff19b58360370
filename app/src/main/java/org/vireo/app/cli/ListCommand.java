package org.vireo.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vireo.app.CommandLine;
import org.vireo.app.task.Failures;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.HostKeyRejectedException;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.store.ConnectionStore;
import org.vireo.connections.store.LoadResult;

/**
 * {@code vireo list [--connect URI]... [--json] [--accept-new-host-keys]}: connects (the saved connections when
 * no URI is given) through the same fleet and openers as the window, hosts in parallel through the bounded
 * connect pool, and prints hosts and VMs. Never asks anything: host keys follow OpenSSH's non-interactive
 * policy, and only agent and unencrypted keys can log in. Never waits longer than the environment's timeout.
 */
public final class ListCommand implements CliCommand {
    /** SSH connects are cheap on a shared session; libvirt's handshake is most of the wait. */
    private static final int MAX_CONCURRENT_CONNECTS = 16;
    private final CliEnvironment environment;

    public ListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean acceptNewHostKeys = false;
        List<String> uris = new ArrayList<>(line.connectUris());
        for (int i = 0; i < line.rest().size(); i++) {
            String arg = line.rest().get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--accept-new-host-keys" -> acceptNewHostKeys = true;
                case "--connect", "-c" -> {
                    if (i + 1 >= line.rest().size()) {
                        err.println("vireo list: --connect needs a URI");
                        return 2;
                    }
                    uris.add(line.rest().get(++i));
                }
                default -> {
                    if (arg.startsWith("--connect=")) {
                        uris.add(arg.substring("--connect=".length()));
                    } else {
                        err.println("vireo list: unknown argument '" + arg + "'");
                        return 2;
                    }
                }
            }
        }
        List<ConnectionEntry> entries = new ArrayList<>();
        for (String uri : uris) {
            try {
                LibvirtUri.parse(uri);
            } catch (InvalidUriException e) {
                err.println("vireo list: " + e.getMessage());
                return 2;
            }
            entries.add(ConnectionEntry.of(uri));
        }
        if (entries.isEmpty()) {
            LoadResult saved = new ConnectionStore(environment.paths().config()).load();
            saved.problem().ifPresent(p -> err.println("vireo list: " + p));
            entries.addAll(saved.entries());
        }
        if (entries.isEmpty()) {
            err.println("vireo list: no saved connections; give one with --connect URI");
            return 2;
        }
        HostKeyPrompt hostKeys = acceptNewHostKeys ? HostKeyPrompt.acceptNew() : HostKeyPrompt.refuseUnknown();
        SshSessions sessions = new SshSessions(environment.ssh(), hostKeys, AuthPrompt.none());
        Fleet fleet = new Fleet(OpenerByTransport.standard(sessions), HostConnection.DEFAULT_POLL_INTERVAL,
                Fleet.DEFAULT_BATCH_INTERVAL, MAX_CONCURRENT_CONNECTS, ReconnectPolicy.NEVER);
        try {
            Map<HostConnection, CompletableFuture<Void>> attempts = new LinkedHashMap<>();
            for (ConnectionEntry entry : entries) {
                HostConnection host = fleet.add(entry);
                attempts.put(host, fleet.connectBounded(host));
            }
            awaitAll(attempts.values());
            List<HostSnapshot> hosts = attempts.keySet().stream().map(HostConnection::snapshot).toList();
            boolean unknownKeyRefused = false;
            for (Map.Entry<HostConnection, CompletableFuture<Void>> a : attempts.entrySet()) {
                HostSnapshot h = a.getKey().snapshot();
                if (!h.state().isConnected()) {
                    err.println("vireo list: " + (h.reason() != null ? h.reason().english()
                            : h.uri() + ": no answer within " + environment.hostTimeout().toSeconds() + " s"));
                    unknownKeyRefused |= causedBy(a.getValue(), HostKeyRejectedException.class);
                }
            }
            if (unknownKeyRefused) {
                err.println("vireo list: check the fingerprints above with the hosts' administrators, then run again"
                        + " with --accept-new-host-keys to save them to " + environment.ssh().knownHostsFile());
            }
            if (json) {
                printJson(hosts, out);
            } else {
                printText(hosts, out);
            }
            return hosts.stream().allMatch(h -> h.state().isConnected()) ? 0 : 1;
        } finally {
            fleet.closeAsync().orTimeout(2, TimeUnit.SECONDS).whenComplete((done, failure) -> sessions.close());
        }
    }

    /** Hosts that did not finish in time show as still connecting; the command does not wait for them. */
    private void awaitAll(java.util.Collection<CompletableFuture<Void>> attempts) {
        CompletableFuture<?>[] all = attempts.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(environment.hostTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported per host from its snapshot
        }
    }

    private static boolean causedBy(CompletableFuture<Void> attempt, Class<? extends Throwable> type) {
        if (!attempt.isCompletedExceptionally()) {
            return false;
        }
        try {
            attempt.join();
            return false;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void printText(List<HostSnapshot> hosts, PrintStream out) {
        for (HostSnapshot host : hosts) {
            out.printf("%s  [%s]%n", host.uri(), host.state().name().toLowerCase(Locale.ROOT));
            for (VmInfo vm : host.vms()) {
                out.printf("  %-24s %-36s %-12s %2d vCPU %8d MiB%n", vm.name(), vm.uuid(),
                        vm.state().name().toLowerCase(Locale.ROOT), vm.vcpus(), vm.memoryKiB() / 1024);
            }
        }
    }

    private static void printJson(List<HostSnapshot> hosts, PrintStream out) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (HostSnapshot host : hosts) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("uri", host.uri());
            h.put("state", host.state().name().toLowerCase(Locale.ROOT));
            h.put("error", host.state().isConnected() || host.reason() == null ? null : host.reason().english());
            List<Map<String, Object>> vms = new ArrayList<>();
            for (VmInfo vm : host.vms()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", vm.name());
                v.put("uuid", vm.uuid());
                v.put("state", vm.state().name().toLowerCase(Locale.ROOT));
                v.put("vcpus", vm.vcpus());
                v.put("memoryKiB", vm.memoryKiB());
                vms.add(v);
            }
            h.put("vms", vms);
            list.add(h);
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("hosts", list)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(Failures.message(e), e);
        }
    }
}
