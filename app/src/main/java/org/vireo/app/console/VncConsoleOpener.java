package org.vireo.app.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.vireo.connections.console.ConsoleConnector;
import org.vireo.connections.console.ConsoleLookup;
import org.vireo.connections.console.ConsoleStream;
import org.vireo.connections.console.Graphics;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.vnc.CertificatePins;
import org.vireo.vnc.TlsTrust;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;
import org.vireo.vnc.VncClient;
import org.vireo.vnc.VncListener;
import org.vireo.vnc.VncOptions;

/**
 * The one way Vireo opens a VM's VNC console, for the window and the CLI: live XML → graphics → stream (local or
 * over the host's SSH session) → RFB handshake. Blocks on the network and on the host's thread: never call it on
 * the FX thread.
 */
public final class VncConsoleOpener {
    private final ConsoleConnector connector;
    private final Duration timeout;
    private final CertificatePins certificates;

    /** Without a certificate store: TLS consoles with X.509 certificates are refused (anonymous TLS works). */
    public VncConsoleOpener(ConsoleConnector connector, Duration timeout) {
        this(connector, timeout, null);
    }

    /**
     * @param timeout      how long reading the XML may take
     * @param certificates where the VNC TLS certificate of each host is pinned on first use (null: none)
     */
    public VncConsoleOpener(ConsoleConnector connector, Duration timeout, CertificatePins certificates) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.certificates = certificates;
    }

    /** The host's QEMU uses one VNC certificate for all its VMs: pinned per host, by its URI. */
    private VncOptions options(HostConnection host, Supplier<char[]> password) {
        VncOptions options = VncOptions.defaults().withPassword(password);
        return certificates == null ? options
                : options.withTlsTrust(TlsTrust.pinned(certificates, host.entry().uri().toString()));
    }

    /** A connected session and the stream under it; closing ends both. */
    public record OpenedConsole(VncClient client, ConsoleStream stream, Graphics graphics) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            stream.close();
        }
    }

    /**
     * @param askPassword asked only when the server wants a password the XML did not give (may return null)
     * @param listeners   added before the handshake, so they see the first frame
     */
    public OpenedConsole open(HostConnection host, String uuid, Supplier<char[]> askPassword, List<VncListener> listeners)
            throws IOException, ConsoleUnavailableException {
        Graphics vnc = locate(host, uuid);
        ConsoleStream stream = connector.open(host.entry(), vnc);
        Supplier<char[]> password = vnc.password() != null ? vnc.password()::toCharArray : askPassword;
        VncClient client = new VncClient(stream.in(), stream.out(), options(host, password));
        listeners.forEach(client::addListener);
        try {
            client.connect();
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw new ConsoleFailedException(Text.of("console.failed.vnc", stream.where(), Localized.textOf(e)), e);
        }
        return new OpenedConsole(client, stream, vnc);
    }

    /** The VM's VNC graphics, ready to connect to. */
    public Graphics locate(HostConnection host, String uuid) throws IOException, ConsoleUnavailableException {
        ConsoleLookup lookup;
        try {
            lookup = connector.lookup(host, uuid).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleFailedException(Text.of("console.failed.interrupted"), e);
        } catch (TimeoutException e) {
            throw new ConsoleFailedException(Text.of("console.failed.timeout", host.displayName(), timeout.toSeconds()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            throw new ConsoleFailedException(Localized.textOf(cause), cause);
        }
        ConsoleLookup.Status status = lookup.status();
        return switch (status) {
            case OK -> lookup.vnc().orElseThrow();
            case NO_GRAPHICS -> throw new ConsoleUnavailableException(status, Text.of("console.unavailable.noGraphics"));
            case SPICE_ONLY -> throw new ConsoleUnavailableException(status, Text.of("console.unavailable.spice"));
            case OTHER_ONLY -> throw new ConsoleUnavailableException(status, Text.of("console.unavailable.other",
                    lookup.graphics().get(0).type()));
            case NOT_LISTENING -> throw new ConsoleUnavailableException(status,
                    Text.of("console.unavailable.notListening"));
        };
    }
}
