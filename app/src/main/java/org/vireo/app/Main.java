package org.vireo.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.vireo.app.cli.CliCommand;
import org.vireo.app.cli.CliEnvironment;
import org.vireo.app.cli.CreateCommand;
import org.vireo.app.cli.ExportCommand;
import org.vireo.app.cli.ImportCommand;
import org.vireo.app.cli.ListCommand;
import org.vireo.app.cli.ScreenshotCommand;
import org.vireo.app.cli.StoreRepository;
import org.vireo.connections.store.ConnectionStore;

/** The one entry point, {@code vireo}: the window without a subcommand, a CLI tool with one. */
public final class Main {
    static final String USAGE = """
            Usage: vireo [--connect URI]...          open the window (saved connections, or the demo host)
                   vireo list [--connect URI]... [--json] [--accept-new-host-keys]
                                                     list hosts and their VMs
                   vireo import FILE [--format F] [--driver qemu|xen] [--user U] [--jump HOST]
                                [--group G] [--autoconnect] [--read-only] [--dry-run] [--strict]
                                                     bulk-add connections from a node list
                   vireo export [--format uris|csv|json]
                                                     write the saved connections out
                   vireo create --connect URI --name N [--memory MiB] [--vcpus N] [--os ID]
                                (--cdrom ISO | --location URL [--extra-args A] | --pxe | --import DISK)
                                [--disk pool=P,size=GiB,format=qcow2|raw | --disk none]
                                [--network NAME | --bridge BR | --network none]
                                [--virt-type kvm|qemu|xen-pv|xen-hvm] [--arch A] [--boot uefi|bios]
                                [--no-start] [--print-xml]
                                                     create a VM (as the new-VM wizard); --print-xml only
                                                     reads the host and prints the domain XML
                   vireo migrate VM --from URI --to URI [--offline] [--copy-storage] [--bandwidth MiB/s]
                                [--p2p] [--tunnelled] [--migrate-uri URI] [--listen-address ADDR]
                                [--postcopy] [--auto-converge] [--max-downtime MS] [--accept-new-host-keys]
                                                     move a VM to another host (live unless --offline)
                   vireo screenshot --connect URI VM FILE.png [--accept-new-host-keys]
                                                     write the VM's VNC screen (VM by name or UUID) as PNG
                   vireo --version | --help

            URIs are libvirt's, exactly as virsh takes them: qemu:///system, qemu+ssh://root@node/system,
            xen+ssh://root@node/, test:///default. SSH hosts use ~/.ssh (config, keys, known_hosts, agent).
            list refuses unknown host keys, printing their fingerprint, unless --accept-new-host-keys (which
            saves them to known_hosts); a changed host key is always refused.
            Exit status: 0 success, 1 some hosts did not answer or some lines were invalid (reasons on stderr),
            2 bad arguments.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        ReadyProbe.mark("main");
        int code = run(List.of(args), System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns the exit code, or -1 when the window was launched. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, CliEnvironment.fromSystem());
    }

    /** Same, with the CLI's folders, SSH setup and timeout given (tests). */
    static int run(List<String> args, PrintStream out, PrintStream err, CliEnvironment environment) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("vireo: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (line.help()) {
            out.print(USAGE);
            return 0;
        }
        if (line.version()) {
            out.println("vireo " + version());
            return 0;
        }
        if (line.subcommand().isEmpty()) {
            Prewarm.startLibvirt();
            VireoApp.launch(args.toArray(String[]::new), line.connectUris());
            return -1;
        }
        StoreRepository saved = new StoreRepository(new ConnectionStore(environment.paths().config()));
        Map<String, CliCommand> commands = Map.of(
                "list", new ListCommand(environment),
                "create", new CreateCommand(environment),
                "screenshot", new ScreenshotCommand(environment),
                "import", new ImportCommand(saved),
                "export", new ExportCommand(saved),
                "migrate", new org.vireo.app.cli.MigrateCommand(environment));
        CliCommand command = commands.get(line.subcommand().get());
        if (command == null) {
            err.println("vireo: unknown command '" + line.subcommand().get() + "' (known: " + String.join(", ",
                    commands.keySet().stream().sorted().toList()) + ")");
            return 2;
        }
        try {
            return command.run(line, out, err);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // The store could not be read or written: say so, and change nothing.
            err.println("vireo " + line.subcommand().get() + ": " + e.getMessage());
            return 1;
        }
    }

    static String version() {
        return org.vireo.app.about.Versions.vireoVersion();
    }

}
