package org.vireo.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vireo.app.CommandLine;
import org.vireo.app.task.Failures;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.HostFactsReader;
import org.vireo.connections.host.NetworkInfo;
import org.vireo.connections.host.StoragePoolInfo;
import org.vireo.connections.host.VirtType;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.wizards.newvm.CancelToken;
import org.vireo.wizards.newvm.DomainXml;
import org.vireo.resources.Messages;
import org.vireo.wizards.newvm.DraftChecks;
import org.vireo.wizards.newvm.DraftException;
import org.vireo.wizards.newvm.Firmware;
import org.vireo.wizards.newvm.InstallSource;
import org.vireo.wizards.newvm.NetworkChoice;
import org.vireo.wizards.newvm.NetworkInstall;
import org.vireo.wizards.newvm.TreeHttp;
import org.vireo.wizards.newvm.TreeMedia;
import org.vireo.resources.Messages;
import org.vireo.wizards.newvm.NewVmJob;
import org.vireo.wizards.newvm.OsCatalogue;
import org.vireo.wizards.newvm.OsVariant;
import org.vireo.wizards.newvm.StorageChoice;
import org.vireo.wizards.newvm.VmDraft;
import org.vireo.wizards.newvm.VolumeXml;

/**
 * {@code vireo create}: the new-VM wizard's model without the window. Option names follow virt-install where
 * they overlap. Reads the host's capabilities, pools and networks, applies the same checks as the wizard, then
 * creates the volume, defines and starts the VM — or, with {@code --print-xml}, only prints the domain XML.
 */
public final class CreateCommand implements CliCommand {
    private static final List<String> VALUED = List.of("--connect", "-c", "--name", "--memory", "--vcpus", "--os",
            "--cdrom", "--location", "--extra-args", "--import", "--disk", "--network", "--bridge", "--virt-type",
            "--arch", "--boot");
    private static final List<String> FLAGS = List.of("--pxe", "--print-xml", "--no-start");

    private final CliEnvironment environment;

    public CreateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Bad arguments: exit code 2. */
    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        List<String> flags = new ArrayList<>();
        line.connectUris().forEach(uri -> opts.put("--connect", uri));
        try {
            parse(line.rest(), opts, flags);
            String uri = required(opts, "--connect");
            LibvirtUri.parse(uri);
            required(opts, "--name");
            sourceKind(opts, flags);
        } catch (UsageError | InvalidUriException e) {
            err.println("vireo create: " + e.getMessage());
            return 2;
        }
        Messages messages = Messages.forDefaultLocale();
        SshSessions sessions = new SshSessions(environment.ssh(), HostKeyPrompt.refuseUnknown(), AuthPrompt.none());
        Fleet fleet = new Fleet(OpenerByTransport.standard(sessions), HostConnection.DEFAULT_POLL_INTERVAL,
                Fleet.DEFAULT_BATCH_INTERVAL, 1, ReconnectPolicy.NEVER);
        try {
            HostConnection host = fleet.add(ConnectionEntry.of(opts.get("--connect")));
            long timeout = environment.hostTimeout().toMillis();
            host.connect().get(timeout, TimeUnit.MILLISECONDS);
            HostFacts facts = HostFactsReader.read(host).get(timeout, TimeUnit.MILLISECONDS);
            TreeHttp http = new TreeHttp(TreeHttp.Limits.standard(), messages);
            TreeMedia tree = null;
            if (opts.containsKey("--location")) {
                String arch = opts.getOrDefault("--arch", facts.capabilities().defaultArch());
                boolean xenPv = "xen-pv".equals(opts.get("--virt-type"));
                err.println("vireo create: " + messages.get("newVm.tree.reading", opts.get("--location")));
                tree = NetworkInstall.detect(opts.get("--location"), arch, xenPv, http, messages)
                        .get(timeout + http.limits().response().toMillis(), TimeUnit.MILLISECONDS);
            }
            VmDraft draft = draft(opts, flags, host.id(), facts, tree, messages);
            String xml = DomainXml.build(draft, facts.capabilities(), facts.domainCapabilities(draft.virtType()));
            if (flags.contains("--print-xml")) {
                out.print(xml);
                return 0;
            }
            NewVmJob.Created created = new NewVmJob(host, draft, xml, messages, http)
                    .run(new CancelToken(), step -> err.println("vireo create: " + step)).get(10, TimeUnit.MINUTES);
            out.println("Created '" + created.name() + "' (" + created.uuid() + ") on " + host.displayName()
                    + (created.started() ? "; it is running." : "; not started."));
            return 0;
        } catch (DraftException e) {
            err.println("vireo create: " + e.message(messages));
            return 2;
        } catch (UsageError e) {
            err.println("vireo create: " + e.getMessage());
            return 2;
        } catch (ExecutionException e) {
            err.println("vireo create: " + Failures.message(e));
            return 1;
        } catch (TimeoutException e) {
            err.println("vireo create: " + opts.get("--connect") + ": no answer within "
                    + environment.hostTimeout().toSeconds() + " s");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("vireo create: interrupted");
            return 1;
        } finally {
            fleet.closeAsync().orTimeout(2, TimeUnit.SECONDS).whenComplete((done, failure) -> sessions.close());
        }
    }

    private static void parse(List<String> args, Map<String, String> opts, List<String> flags) throws UsageError {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (VALUED.contains(name)) {
                String value;
                if (!name.equals(arg)) {
                    value = arg.substring(name.length() + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageError(arg + " needs a value");
                }
                opts.put(name.equals("-c") ? "--connect" : name, value);
            } else {
                throw new UsageError("unknown argument '" + arg + "'");
            }
        }
    }

    private static String required(Map<String, String> opts, String name) throws UsageError {
        String value = opts.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageError(name + " is required");
        }
        return value;
    }

    private static InstallSource.Kind sourceKind(Map<String, String> opts, List<String> flags) throws UsageError {
        List<InstallSource.Kind> kinds = new ArrayList<>();
        if (opts.containsKey("--cdrom")) {
            kinds.add(InstallSource.Kind.CDROM);
        }
        if (opts.containsKey("--location")) {
            kinds.add(InstallSource.Kind.LOCATION);
        }
        if (flags.contains("--pxe")) {
            kinds.add(InstallSource.Kind.PXE);
        }
        if (opts.containsKey("--import")) {
            kinds.add(InstallSource.Kind.IMPORT);
        }
        if (kinds.size() != 1) {
            throw new UsageError("give exactly one install source: --cdrom ISO, --location URL, --pxe or --import DISK");
        }
        return kinds.get(0);
    }

    private static VmDraft draft(Map<String, String> opts, List<String> flags, String hostId, HostFacts facts,
                                 TreeMedia tree, Messages messages) throws UsageError {
        OsCatalogue catalogue = OsCatalogue.bundled();
        InstallSource.Kind kind = sourceKind(opts, flags);
        String sourceText = switch (kind) {
            case CDROM -> opts.get("--cdrom");
            case LOCATION -> opts.get("--location");
            case IMPORT -> opts.get("--import");
            case PXE -> "";
        };
        OsVariant os;
        if (opts.containsKey("--os")) {
            os = catalogue.byId(opts.get("--os")).orElseThrow(() -> new UsageError("unknown --os '" + opts.get("--os")
                    + "' (known: " + String.join(", ", catalogue.variants().stream().map(OsVariant::id).toList()) + ")"));
        } else {
            os = catalogue.guess(sourceText)
                    .or(() -> tree == null ? Optional.empty() : tree.osHints().stream().map(catalogue::guess)
                            .flatMap(Optional::stream).findFirst())
                    .orElse(catalogue.generic());
        }
        String name = opts.get("--name");
        check(DraftChecks.name(name, facts, messages));
        int memory = integer(opts, "--memory", os.memoryMiB());
        int vcpus = integer(opts, "--vcpus", os.vcpus());
        check(DraftChecks.memoryAndCpus(memory, vcpus, facts, messages));
        InstallSource source = switch (kind) {
            case CDROM -> new InstallSource.Cdrom(DraftChecks.diskRef(sourceText, facts));
            case LOCATION -> new InstallSource.Location(sourceText, opts.getOrDefault("--extra-args", ""), "", "", tree);
            case PXE -> new InstallSource.Pxe();
            case IMPORT -> new InstallSource.Import(DraftChecks.diskRef(sourceText, facts),
                    DraftChecks.diskRef(sourceText, facts).guessFormat());
        };
        StorageChoice storage = kind == InstallSource.Kind.IMPORT ? new StorageChoice.None()
                : storage(opts, name, os, facts, messages);
        String arch = opts.getOrDefault("--arch", facts.capabilities().defaultArch());
        List<VirtType> offered = facts.capabilities().virtTypes(arch);
        VirtType virtType;
        if (opts.containsKey("--virt-type")) {
            virtType = VirtType.fromCliName(opts.get("--virt-type")).orElseThrow(() -> new UsageError(
                    "--virt-type must be kvm, qemu, xen-pv or xen-hvm, not '" + opts.get("--virt-type") + "'"));
        } else if (offered.isEmpty()) {
            throw new UsageError("the host offers no virtualization type for " + arch);
        } else {
            virtType = offered.get(0);
        }
        boolean uefiOffered = facts.domainCapabilities(virtType).map(d -> d.supportsUefi()).orElse(false);
        Firmware firmware;
        String boot = opts.getOrDefault("--boot", "");
        if (boot.equals("uefi")) {
            firmware = Firmware.UEFI;
        } else if (boot.equals("bios")) {
            firmware = Firmware.BIOS;
        } else if (boot.isEmpty()) {
            firmware = os.firmware() == Firmware.UEFI && uefiOffered ? Firmware.UEFI : Firmware.BIOS;
        } else {
            throw new UsageError("--boot must be uefi or bios, not '" + boot + "'");
        }
        return new VmDraft(name, hostId, source, os, memory, vcpus, storage, network(opts, facts), virtType, arch,
                firmware, os.machine(), flags.contains("--no-start"), false);
    }

    /** {@code --disk pool=P,size=GiB,format=qcow2} or {@code --disk none}; defaults from the OS and the host. */
    private static StorageChoice storage(Map<String, String> opts, String name, OsVariant os, HostFacts facts,
                                         Messages messages) throws UsageError {
        String spec = opts.getOrDefault("--disk", "");
        if (spec.equals("none")) {
            return new StorageChoice.None();
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : spec.isEmpty() ? new String[0] : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new UsageError("--disk takes pool=P,size=GiB,format=qcow2|raw or none; '" + part + "' is not key=value");
            }
            parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        for (String key : parts.keySet()) {
            if (!List.of("pool", "size", "format").contains(key)) {
                throw new UsageError("--disk: unknown key '" + key + "' (known: pool, size, format)");
            }
        }
        String pool = parts.get("pool");
        if (pool == null) {
            List<String> active = facts.pools().stream().filter(StoragePoolInfo::active).map(StoragePoolInfo::name).toList();
            pool = active.contains("default") ? "default" : active.isEmpty() ? null : active.get(0);
        }
        String format = parts.getOrDefault("format", "qcow2");
        if (!format.equals("qcow2") && !format.equals("raw")) {
            throw new UsageError("--disk format must be qcow2 or raw, not '" + format + "'");
        }
        long size;
        try {
            size = Long.parseLong(parts.getOrDefault("size", Integer.toString(os.diskGiB())));
        } catch (NumberFormatException e) {
            throw new UsageError("--disk size must be a whole number of GiB, not '" + parts.get("size") + "'");
        }
        StorageChoice.NewVolume volume = new StorageChoice.NewVolume(pool, VolumeXml.defaultName(name, format), size, format);
        check(DraftChecks.newVolume(volume, facts, messages));
        return volume;
    }

    private static NetworkChoice network(Map<String, String> opts, HostFacts facts) throws UsageError {
        if (opts.containsKey("--network") && opts.containsKey("--bridge")) {
            throw new UsageError("give --network or --bridge, not both");
        }
        if (opts.containsKey("--bridge")) {
            return new NetworkChoice.Bridge(opts.get("--bridge"));
        }
        String wanted = opts.get("--network");
        if ("none".equals(wanted)) {
            return new NetworkChoice.None();
        }
        if (wanted != null) {
            if (facts.networks().stream().noneMatch(n -> n.name().equals(wanted))) {
                throw new UsageError("the host has no virtual network '" + wanted + "' (it has: "
                        + facts.networks().stream().map(NetworkInfo::name).toList() + ")");
            }
            return new NetworkChoice.VirtualNetwork(wanted);
        }
        return facts.networks().stream().filter(NetworkInfo::active).findFirst()
                .<NetworkChoice>map(n -> new NetworkChoice.VirtualNetwork(n.name())).orElse(new NetworkChoice.None());
    }

    private static int integer(Map<String, String> opts, String name, int fallback) throws UsageError {
        String value = opts.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageError(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static void check(Optional<String> problem) throws UsageError {
        if (problem.isPresent()) {
            throw new UsageError(problem.get());
        }
    }
}
