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
import java.util.concurrent.TimeUnit;
import org.vireo.app.AppPaths;
import org.vireo.app.CommandLine;
import org.vireo.app.task.Failures;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.store.ConnectionStore;

/**
 * {@code vireo list [--connect URI]... [--json]}: connects (the saved connections when no URI is
 * given) through the same code as the window, all hosts in parallel, and prints hosts and VMs.
 */
public final class ListCommand implements CliCommand {
    private static final long TIMEOUT_SECONDS = 60;

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        boolean json = false;
        List<String> uris = new ArrayList<>(line.connectUris());
        for (int i = 0; i < line.rest().size(); i++) {
            String arg = line.rest().get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--connect", "-c" -> {
                    if (i + 1 >= line.rest().size()) {
                        err.println("vireo list: --connect needs a URI");
                        return 2;
                    }
                    uris.add(line.rest().get(++i));
                }
                default -> {
                    err.println("vireo list: unknown argument '" + arg + "'");
                    return 2;
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
            org.vireo.connections.store.LoadResult saved = new ConnectionStore(AppPaths.fromEnvironment().config()).load();
            saved.problem().ifPresent(p -> err.println("vireo list: " + p));
            entries.addAll(saved.entries());
        }
        if (entries.isEmpty()) {
            err.println("vireo list: no saved connections; give one with --connect URI");
            return 2;
        }
        try (Fleet fleet = new Fleet()) {
            List<HostSnapshot> hosts = connectAll(fleet, entries);
            boolean allAnswered = hosts.stream().allMatch(h -> h.state().isConnected());
            hosts.stream().filter(h -> !h.state().isConnected())
                    .forEach(h -> err.println("vireo list: " + h.uri() + ": " + h.reason()));
            if (json) {
                printJson(hosts, out);
            } else {
                printText(hosts, out);
            }
            return allAnswered ? 0 : 1;
        }
    }

    private static List<HostSnapshot> connectAll(Fleet fleet, List<ConnectionEntry> entries) {
        List<HostConnection> connections = entries.stream().map(fleet::add).toList();
        CompletableFuture<?>[] pending = connections.stream()
                .map(h -> h.connect().exceptionally(e -> null)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Hosts that failed or did not answer in time are reported by their snapshot's state.
        }
        return connections.stream().map(HostConnection::snapshot).toList();
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
            h.put("error", host.state().isConnected() ? null : host.reason());
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
