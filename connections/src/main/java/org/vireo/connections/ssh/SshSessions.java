package org.vireo.connections.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vireo.resources.Text;

/**
 * The SSH sessions of this application: one per route (user, host, port and jump chain), shared by the libvirt
 * tunnel, VNC tunnels and remote commands of that host; jump hosts are sessions of the pool too, so hosts behind
 * the same frontend share its session. A monitor thread notices dead sessions and tells their listeners.
 * Every method may block on the network: never call it on the FX thread.
 */
public final class SshSessions implements AutoCloseable {
    private static final long MONITOR_PERIOD_MS = 200;

    private final SshSettings settings;
    private final SshConfigResolver resolver;
    private final HostKeyVerifier verifier;
    private final AuthPrompt authPrompt;
    private final Credentials credentials = new Credentials();
    private final Map<String, SshSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor;

    public SshSessions(SshSettings settings, HostKeyPrompt hostKeyPrompt, AuthPrompt authPrompt) {
        this.settings = settings;
        this.resolver = new SshConfigResolver(settings.configFile(), settings.home(), settings.localUser());
        this.verifier = new HostKeyVerifier(new KnownHostsFile(settings.knownHostsFile()), hostKeyPrompt,
                hashKnownHostsRequested(resolver));
        this.authPrompt = authPrompt;
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vireo-ssh-monitor");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleWithFixedDelay(this::checkSessions, MONITOR_PERIOD_MS, MONITOR_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private static boolean hashKnownHostsRequested(SshConfigResolver resolver) {
        try {
            return resolver.hashKnownHosts("*");
        } catch (SshException unreadableConfig) {
            return false; // reported when a connection resolves its route
        }
    }

    public SshConfigResolver resolver() {
        return resolver;
    }

    /** Secrets typed during this application session (cleared by {@link #close()}). */
    public Credentials credentials() {
        return credentials;
    }

    /** The shared session for a target, connecting it (and its jump hosts) if needed. */
    public SshSession open(SshTarget target) throws SshException {
        return open(resolver.resolve(target));
    }

    public SshSession open(SshRoute route) throws SshException {
        String key = route.key();
        synchronized (openLocks.computeIfAbsent(key, k -> new Object())) {
            SshSession existing = sessions.get(key);
            if (existing != null && existing.isConnected()) {
                return existing;
            }
            SshSession via = route.viaRoute() == null ? null : open(route.viaRoute());
            SshSession opened = connect(route, via);
            sessions.put(key, opened);
            return opened;
        }
    }

    /** Ends one session (its jump hosts stay: other hosts may use them). No loss is reported for it. */
    public void disconnect(SshSession session) {
        sessions.remove(session.route().key(), session);
        session.close();
    }

    /** Ends every session, innermost first, and wipes cached secrets. */
    @Override
    public void close() {
        monitor.shutdownNow();
        List<SshSession> all = new ArrayList<>(sessions.values());
        sessions.clear();
        all.sort(Comparator.comparingInt((SshSession s) -> s.route().jumps().size()).reversed());
        all.forEach(SshSession::close);
        credentials.close();
    }

    private void checkSessions() {
        for (SshSession s : sessions.values()) {
            if (s.checkLost()) {
                sessions.remove(s.route().key(), s);
            }
        }
    }

    private SshSession connect(SshRoute route, SshSession via) throws SshException {
        SshEndpoint end = route.target();
        int connectMs = (int) settings.connectTimeout().toMillis();
        int keepaliveMs = (int) settings.keepaliveInterval().toMillis();
        Identities identities = Identities.load(end, settings);
        VerifyingHostKeyRepository hostKeys = new VerifyingHostKeyRepository(verifier, end.hostName(), end.port());
        PromptingUserInfo userInfo = new PromptingUserInfo(authPrompt, credentials, end.destination());
        SshSession.ReasonLogger reasons = new SshSession.ReasonLogger(
                (long) keepaliveMs * (settings.keepaliveCountMax() + 1));
        Session session;
        JumpProxy proxy = null;
        try {
            session = new JSch().getSession(end.user(), end.hostName(), end.port());
            session.setLogger(reasons);
            session.setHostKeyRepository(hostKeys);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey,keyboard-interactive,password");
            session.setIdentityRepository(identities);
            session.setUserInfo(userInfo);
            session.setDaemonThread(true);
            session.setServerAliveCountMax(settings.keepaliveCountMax());
            if (via != null) {
                proxy = new JumpProxy(via.jsch(), connectMs);
                session.setProxy(proxy);
            }
            session.connect(connectMs);
            session.setServerAliveInterval(keepaliveMs);
        } catch (JSchException e) {
            userInfo.rollback();
            throw translate(e, end, via, hostKeys, identities, userInfo);
        }
        userInfo.commit();
        if (proxy != null) {
            proxy.setReadTimeoutMs(keepaliveMs);
        }
        return new SshSession(route, session, via, reasons);
    }

    private static SshException translate(JSchException e, SshEndpoint end, SshSession via,
                                          VerifyingHostKeyRepository hostKeys, Identities identities,
                                          PromptingUserInfo userInfo) {
        if (hostKeys.refusal() != null) {
            return hostKeys.refusal();
        }
        Object where = via == null ? end : Text.of("ssh.through", end, via.route().target());
        if (userInfo.exhausted() != null) {
            return new SshAuthException(Text.of("ssh.authExhausted", where, userInfo.exhausted(),
                    PromptingUserInfo.MAX_PROMPTS), e);
        }
        if (userInfo.cancelled() || String.valueOf(e.getMessage()).startsWith("Auth cancel")) {
            return new SshAuthException(Text.of("ssh.loginCancelled", where), e);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.startsWith("Auth fail") || msg.startsWith("USERAUTH fail")) {
            return new SshAuthException(Text.of("ssh.authFailed", where, identities.describe()), e);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // The library's own words for network failures (refused, timed out, unknown host).
        return new SshException(Text.of("ssh.cannotConnect", where, cause), e);
    }
}
