package org.vireo.connections.libvirt;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.vireo.connections.ssh.HostKeyChangedException;
import org.vireo.connections.ssh.HostKeyRejectedException;
import org.vireo.connections.ssh.LibvirtSocketRequest;
import org.vireo.connections.ssh.LibvirtTunnel;
import org.vireo.connections.ssh.SessionLossListener;
import org.vireo.connections.ssh.SshAuthException;
import org.vireo.connections.ssh.SshException;
import org.vireo.connections.ssh.SshSession;
import org.vireo.connections.ssh.SshSessions;
import org.vireo.connections.ssh.SshTarget;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/**
 * Opens {@code qemu+ssh://}, {@code xen+ssh://} (and {@code +libssh}, {@code +libssh2}) URIs through Vireo's own
 * SSH layer instead of libvirt's ssh child process: the host's shared session from {@link SshSessions} (the
 * entry's jump host overrides ProxyJump from ~/.ssh/config), a {@link LibvirtTunnel} to the daemon socket found
 * on the host, and libvirt-java on the tunnel's local end. Host-key and login prompts are the pool's.
 */
public final class SshLibvirtOpener implements HostConnection.Opener {
    private final SshSessions sessions;
    private final Duration timeout;

    /** @param timeout for the socket probe and the forward's channel open */
    public SshLibvirtOpener(SshSessions sessions, Duration timeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public OpenedConnection open(ConnectionEntry entry) throws LibvirtException, TransportException {
        SshTarget target;
        LibvirtSocketRequest socket;
        try {
            target = sshTarget(entry);
            socket = LibvirtSocketRequest.fromUri(entry.uri(), entry.readOnly());
        } catch (IllegalArgumentException e) {
            throw new TransportException(Localized.textOf(e), e, false);
        }
        LibvirtTunnel tunnel;
        try {
            SshSession session = sessions.open(target);
            tunnel = LibvirtTunnel.open(session, socket, timeout);
        } catch (SshException e) {
            throw new TransportException(e.text(), e, retryable(e));
        }
        try {
            Connect connect = new Connect(tunnel.libvirtUri(), entry.readOnly());
            return new OpenedConnection(connect, new TunnelTransport(tunnel));
        } catch (LibvirtException | RuntimeException e) {
            tunnel.forgetSocket();
            tunnel.close();
            throw e;
        }
    }

    /**
     * The SSH login an entry's libvirt tunnel uses: {@link SshSessions#open(SshTarget)} with it returns that same
     * shared session (consoles and remote commands of the host ride on it, never a second login).
     *
     * @throws IllegalArgumentException for a URI that is not an SSH one
     */
    public static SshTarget sshTarget(ConnectionEntry entry) {
        return SshTarget.fromLibvirtUri(entry.uri(), entry.jumpHost());
    }

    /** Refused keys and failed logins need the user; a dead host, sshd or daemon socket may come back. */
    static boolean retryable(SshException e) {
        return !(e instanceof HostKeyRejectedException || e instanceof HostKeyChangedException
                || e instanceof SshAuthException);
    }

    /** The tunnel of one libvirt connection; the SSH session under it is shared and stays. */
    private static final class TunnelTransport implements Transport {
        private final LibvirtTunnel tunnel;
        private SessionLossListener lossListener;

        TunnelTransport(LibvirtTunnel tunnel) {
            this.tunnel = tunnel;
        }

        @Override
        public synchronized void onLost(Consumer<Text> listener) {
            lossListener = (session, reason) -> listener.accept(reason);
            tunnel.session().addLossListener(lossListener);
        }

        @Override
        public synchronized void close() {
            if (lossListener != null) {
                tunnel.session().removeLossListener(lossListener);
            }
            tunnel.close();
        }
    }
}
