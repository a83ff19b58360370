package org.vireo.connections.ssh;

import com.jcraft.jsch.Logger;
import com.jcraft.jsch.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vireo.resources.Text;

/**
 * One live SSH login shared by everything a host needs (libvirt tunnel, VNC tunnels, remote commands).
 * Obtained from {@link SshSessions}; closing it is the pool's business.
 */
public final class SshSession {
    private final SshRoute route;
    private final Session session;
    private final SshSession via;
    private final List<SessionLossListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ReasonLogger reasonLogger;
    private volatile boolean closedByUs;
    /**
     * sshd refuses session channels (exec, shell) beyond MaxSessions per connection, 10 by default, and JSch
     * then waits forever for the refused channel: hosts sharing this session take turns below that limit.
     */
    private final Semaphore execSlots = new Semaphore(MAX_CONCURRENT_EXEC, true);
    static final int MAX_CONCURRENT_EXEC = 8;
    /**
     * Daemon sockets found on this host, by the candidate list probed: every connection to it needs one. A probe
     * in progress is shared, so a fleet of connections opened at once to one host costs one probe, not one each.
     */
    private final Map<List<String>, CompletableFuture<String>> foundSockets = new ConcurrentHashMap<>();

    SshSession(SshRoute route, Session session, SshSession via, ReasonLogger reasonLogger) {
        this.route = route;
        this.session = session;
        this.via = via;
        this.reasonLogger = reasonLogger;
    }

    public SshRoute route() {
        return route;
    }

    public boolean isConnected() {
        return !ended.get() && session.isConnected();
    }

    /** Server version string, e.g. {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u5}. */
    public String serverVersion() {
        return session.getServerVersion();
    }

    public void addLossListener(SessionLossListener listener) {
        listeners.add(listener);
    }

    public void removeLossListener(SessionLossListener listener) {
        listeners.remove(listener);
    }

    /** Waits (bounded) for one of the session's exec slots; false when none was free in time. */
    boolean acquireExecSlot(long timeoutNanos) throws InterruptedException {
        return execSlots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    void releaseExecSlot() {
        execSlots.release();
    }

    /** A probe of the daemon socket, run on the caller's thread. */
    interface SocketProbe {
        String find() throws SshException;
    }

    /**
     * The socket found earlier for these candidates; else runs {@code probe} once while concurrent callers wait
     * for its answer (bounded by {@code timeout}). A failed probe is not remembered: the next caller probes again.
     */
    String daemonSocket(List<String> candidates, SocketProbe probe, java.time.Duration timeout) throws SshException {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> shared = foundSockets.putIfAbsent(candidates, mine);
        if (shared == null) {
            try {
                String socket = probe.find();
                mine.complete(socket);
                return socket;
            } catch (SshException | RuntimeException e) {
                foundSockets.remove(candidates, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return shared.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SshException s ? new SshException(s.text(), s)
                    : new SshException(Text.of("ssh.libvirt.lookupFailed", route.target(), e.getCause()), e);
        } catch (TimeoutException e) {
            throw new SshException(Text.of("ssh.libvirt.lookupTimeout", route.target(), timeout.toSeconds()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(Text.of("ssh.libvirt.lookupInterrupted", route.target()), e);
        }
    }

    void forgetSocket(String socket) {
        foundSockets.values().removeIf(f -> f.isDone() && !f.isCompletedExceptionally() && socket.equals(f.join()));
    }

    Session jsch() {
        return session;
    }

    SshSession via() {
        return via;
    }

    /** Called by the pool's monitor; fires the listeners once if the session died by itself. */
    boolean checkLost() {
        if (session.isConnected() || !ended.compareAndSet(false, true)) {
            return false;
        }
        if (!closedByUs) {
            Text reason = Text.of("ssh.lost", route.target(), reasonLogger.lastFailure());
            listeners.forEach(l -> l.sessionLost(this, reason));
        }
        return true;
    }

    void close() {
        closedByUs = true;
        ended.set(true);
        session.disconnect();
    }

    @Override
    public String toString() {
        return "SshSession[" + route + "]";
    }

    /** Captures why JSch's reader loop ended (its only report of it is a log line). */
    static final class ReasonLogger implements Logger {
        private static final String LEAVING = "Caught an exception, leaving main loop due to ";
        private volatile String lastFailure;
        private final long keepaliveBudgetMs;

        ReasonLogger(long keepaliveBudgetMs) {
            this.keepaliveBudgetMs = keepaliveBudgetMs;
        }

        @Override
        public boolean isEnabled(int level) {
            return level >= INFO;
        }

        @Override
        public void log(int level, String message) {
            if (message != null && message.startsWith(LEAVING)) {
                lastFailure = message.substring(LEAVING.length());
            }
        }

        Text lastFailure() {
            String f = lastFailure;
            if (f == null) {
                return Text.of("ssh.lost.closedByServer");
            }
            if (f.toLowerCase().contains("timeout") || f.contains("no data from jump channel")) {
                return Text.of("ssh.lost.keepalive", keepaliveBudgetMs / 1000);
            }
            return Text.verbatim(f); // the library's words
        }
    }
}
