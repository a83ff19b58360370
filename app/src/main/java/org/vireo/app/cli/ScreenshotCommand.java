package org.vireo.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vireo.app.CommandLine;
import org.vireo.app.console.ConsoleUnavailableException;
import org.vireo.app.console.FullFrame;
import org.vireo.app.console.VncConsoleOpener;
import org.vireo.app.task.Failures;
import org.vireo.connections.console.ConsoleConnector;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenerByTransport;
import org.vireo.connections.libvirt.ReconnectPolicy;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.vnc.CertificatePins;
import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.FramebufferImage;

/**
 * {@code vireo screenshot --connect URI VM FILE.png [--accept-new-host-keys]}: opens the VM's VNC console the way
 * the window does (same host connection, graphics lookup and SSH session), waits for one full frame and writes it
 * as PNG. Host keys follow {@code vireo list}'s policy; a password-protected console needs a connection that may
 * read the password from the XML (not read-only).
 */
public final class ScreenshotCommand implements CliCommand {
    private final CliEnvironment environment;

    public ScreenshotCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        List<String> uris = new ArrayList<>(line.connectUris());
        List<String> positional = new ArrayList<>();
        boolean acceptNewHostKeys = false;
        for (int i = 0; i < line.rest().size(); i++) {
            String arg = line.rest().get(i);
            if (arg.equals("--accept-new-host-keys")) {
                acceptNewHostKeys = true;
            } else if (arg.equals("--connect") || arg.equals("-c")) {
                if (i + 1 >= line.rest().size()) {
                    err.println("vireo screenshot: --connect needs a URI");
                    return 2;
                }
                uris.add(line.rest().get(++i));
            } else if (arg.startsWith("--connect=")) {
                uris.add(arg.substring("--connect=".length()));
            } else if (arg.startsWith("-")) {
                err.println("vireo screenshot: unknown argument '" + arg + "'");
                return 2;
            } else {
                positional.add(arg);
            }
        }
        if (uris.size() != 1 || positional.size() != 2) {
            err.println("vireo screenshot: usage: vireo screenshot --connect URI VM FILE.png (VM by name or UUID)");
            return 2;
        }
        String uri = uris.get(0);
        try {
            LibvirtUri.parse(uri);
        } catch (InvalidUriException e) {
            err.println("vireo screenshot: " + e.getMessage());
            return 2;
        }
        String vmName = positional.get(0);
        Path file = Path.of(positional.get(1));
        HostKeyPrompt hostKeys = acceptNewHostKeys ? HostKeyPrompt.acceptNew() : HostKeyPrompt.refuseUnknown();
        SshSessions sessions = new SshSessions(environment.ssh(), hostKeys, AuthPrompt.none());
        HostConnection host = new HostConnection(ConnectionEntry.of(uri), OpenerByTransport.standard(sessions),
                HostConnection.DEFAULT_POLL_INTERVAL, ReconnectPolicy.NEVER);
        try {
            return capture(host, sessions, vmName, file, out, err);
        } finally {
            host.closeAsync().orTimeout(2, TimeUnit.SECONDS).whenComplete((done, failure) -> sessions.close());
        }
    }

    private int capture(HostConnection host, SshSessions sessions, String vmName, Path file, PrintStream out,
                        PrintStream err) {
        long deadline = System.nanoTime() + environment.hostTimeout().toNanos();
        try {
            host.connect().get(environment.hostTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            err.println("vireo screenshot: " + Failures.message(e));
            if (causedBy(e, org.vireo.connections.ssh.HostKeyRejectedException.class)) {
                err.println("vireo screenshot: check the fingerprint above with the host's administrators, then run"
                        + " again with --accept-new-host-keys to save it to " + environment.ssh().knownHostsFile());
            }
            return 1;
        } catch (TimeoutException e) {
            err.println("vireo screenshot: " + host.entry().uri() + ": no answer within "
                    + environment.hostTimeout().toSeconds() + " s");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        HostSnapshot snapshot = host.snapshot();
        Optional<VmInfo> vm = snapshot.vms().stream()
                .filter(v -> v.uuid().equalsIgnoreCase(vmName) || v.name().equals(vmName)).findFirst();
        if (vm.isEmpty()) {
            err.println("vireo screenshot: no VM named '" + vmName + "' on " + host.entry().uri());
            return 1;
        }
        if (!vm.get().state().isActive()) {
            err.println("vireo screenshot: VM '" + vm.get().name() + "' is not running ("
                    + vm.get().state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            return 1;
        }
        FullFrame frame = new FullFrame();
        VncConsoleOpener opener = new VncConsoleOpener(new ConsoleConnector(sessions, environment.hostTimeout()),
                environment.hostTimeout(), new CertificatePins(environment.paths().state().resolve("vnc-certificates")));
        try (VncConsoleOpener.OpenedConsole console = opener.open(host, vm.get().uuid(), () -> null, List.of(frame))) {
            long left = Math.max(1, deadline - System.nanoTime());
            frame.await(left);
            Framebuffer fb = console.client().framebuffer();
            FramebufferImage.writePng(fb, file);
            out.println("wrote " + file + " (" + fb.width() + "x" + fb.height() + ") from " + console.stream().where());
            return 0;
        } catch (ConsoleUnavailableException e) {
            err.println("vireo screenshot: VM '" + vm.get().name() + "': " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("vireo screenshot: VM '" + vm.get().name() + "': " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
