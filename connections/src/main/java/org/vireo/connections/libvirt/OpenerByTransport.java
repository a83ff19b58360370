package org.vireo.connections.libvirt;

import java.util.Objects;
import java.util.Set;
import org.libvirt.LibvirtException;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshSettings;
import org.vireo.connections.store.ConnectionEntry;

/**
 * Chooses how a URI is opened by its transport: the SSH ones through Vireo's SSH layer, everything else
 * (local, {@code test:}, {@code +tcp}, {@code +tls}, {@code +unix}, {@code +ext}) directly by libvirt.
 */
public final class OpenerByTransport implements HostConnection.Opener {
    /** libvirt's transports that log in with SSH. */
    public static final Set<String> SSH_TRANSPORTS = Set.of("ssh", "libssh", "libssh2");

    private final HostConnection.Opener direct;
    private final HostConnection.Opener ssh;

    public OpenerByTransport(HostConnection.Opener direct, HostConnection.Opener ssh) {
        this.direct = Objects.requireNonNull(direct, "direct");
        this.ssh = Objects.requireNonNull(ssh, "ssh");
    }

    /** SSH URIs through {@code sessions} (its prompts decide about host keys and secrets), the rest direct. */
    public static OpenerByTransport standard(SshSessions sessions) {
        return new OpenerByTransport(HostConnection.Opener.direct(), new SshLibvirtOpener(sessions, SshSettings.CONNECT_TIMEOUT));
    }

    @Override
    public OpenedConnection open(ConnectionEntry entry) throws LibvirtException, TransportException {
        return usesSsh(entry.uri()) ? ssh.open(entry) : direct.open(entry);
    }

    /** True for {@code driver+ssh://}, {@code +libssh}, {@code +libssh2} URIs. */
    public static boolean usesSsh(String uri) {
        return LibvirtUri.tryParse(uri).flatMap(LibvirtUri::transport).map(SSH_TRANSPORTS::contains).orElse(false);
    }
}
