package org.vireo.connections.ssh;

import com.jcraft.jsch.JSchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vireo.resources.Text;

/**
 * Forwards a local 127.0.0.1 port to the remote libvirt daemon's UNIX socket over the host's SSH session
 * ({@code direct-streamlocal@openssh.com}); libvirt-java then opens {@link #libvirtUri()}. The socket is found
 * on the host (monolithic or modular daemon), not assumed.
 */
public final class LibvirtTunnel implements AutoCloseable {
    private final SshSession session;
    private final String remoteSocket;
    private final int localPort;
    private final String libvirtUri;

    private LibvirtTunnel(SshSession session, String remoteSocket, int localPort, String libvirtUri) {
        this.session = session;
        this.remoteSocket = remoteSocket;
        this.localPort = localPort;
        this.libvirtUri = libvirtUri;
    }

    /**
     * The daemon socket is probed once per session and candidate list: a fleet of connections to one host
     * shares the answer, also while the probe runs (each probe is an exec that the host's single sshd process
     * serves in turn: 16 hosts connecting at once each probing took seconds).
     */
    public static LibvirtTunnel open(SshSession session, LibvirtSocketRequest request, Duration timeout)
            throws SshException {
        List<String> key = new ArrayList<>(request.candidates());
        key.add(request.sessionMode() ? "session" : "system");
        String socket = session.daemonSocket(key, () -> findSocket(session, request, timeout), timeout);
        try {
            int port = session.jsch().setSocketForwardingL("127.0.0.1", 0, socket, null, (int) timeout.toMillis());
            String uri = request.driver() + "+tcp://127.0.0.1:" + port + request.uriPath();
            return new LibvirtTunnel(session, socket, port, uri);
        } catch (JSchException e) {
            throw new SshException(Text.of("ssh.libvirt.forwardFailed", socket, session.route().target(), e.getMessage()),
                    e);
        }
    }

    /**
     * One exec round trip tests every candidate with {@code test -S} and prints the first that exists. Candidate
     * paths are quoted arguments of a fixed script ({@code sh -c SCRIPT sh PATH...}), never spliced into it.
     */
    static String findSocket(SshSession session, LibvirtSocketRequest request, Duration timeout) throws SshException {
        List<String> candidates = request.candidates();
        String script = request.sessionMode() && request.socketOverride() == null
                ? "d=${XDG_RUNTIME_DIR:-/run/user/$(id -u)}; for p; do if test -S \"$d/$p\"; then printf '%s\\n' \"$d/$p\";"
                  + " exit 0; fi; done; exit 3"
                : "for p; do if test -S \"$p\"; then printf '%s\\n' \"$p\"; exit 0; fi; done; exit 3";
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(candidates);
        CommandResult r = RemoteCommand.run(session, argv, timeout, 64 * 1024);
        if (r.exitStatus() == 3) {
            throw new SshException(Text.of(request.sessionMode() ? "ssh.libvirt.noSessionSocket" : "ssh.libvirt.noSocket",
                    request.driver(), session.route().target(), String.join(", ", candidates)));
        }
        if (!r.succeeded() || r.stdout().isBlank()) {
            throw new SshException(Text.of("ssh.libvirt.lookupExit", session.route().target(), r.exitStatus(),
                    r.stderr().strip()));
        }
        return r.stdout().strip();
    }

    /** Where libvirt-java connects: {@code qemu+tcp://127.0.0.1:PORT/system} and the like. */
    public String libvirtUri() {
        return libvirtUri;
    }

    public int localPort() {
        return localPort;
    }

    /** The daemon socket found on the host, e.g. {@code /var/run/libvirt/libvirt-sock}. */
    public String remoteSocket() {
        return remoteSocket;
    }

    public SshSession session() {
        return session;
    }

    /**
     * libvirt could not talk through this tunnel: the daemon may have gone or moved, so the next tunnel to the
     * host looks for its socket again.
     */
    public void forgetSocket() {
        session.forgetSocket(remoteSocket);
    }

    /** Removes the forward; the SSH session stays (it is shared). */
    @Override
    public void close() {
        try {
            session.jsch().delPortForwardingL("127.0.0.1", localPort);
        } catch (JSchException alreadyGone) {
            // the session ended: its forwards went with it
        }
    }
}
