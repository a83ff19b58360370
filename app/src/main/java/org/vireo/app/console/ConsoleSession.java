package org.vireo.app.console;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.console.ConsoleLookup;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Messages;
import org.vireo.vnc.VncAuthenticationException;
import org.vireo.vnc.VncListener;
import org.vireo.vnc.fx.VncView;

/**
 * The console of one VM (by UUID, so it follows the VM across hosts): connects where the VM runs, shows why it
 * cannot, reconnects by itself when the session drops while the VM still runs (guest reset, QEMU restarted on a
 * new port) and when the VM starts again or shows up running on another host (migration). All methods run on the
 * FX thread; network work goes to the console workers.
 */
public final class ConsoleSession {
    /** Reconnect attempts after a drop before giving up (the user can press Reconnect). */
    static final int MAX_ATTEMPTS = 15;
    static final long RETRY_DELAY_MS = 1000;

    public enum Phase { IDLE, CONNECTING, CONNECTED, RETRYING, STOPPED, UNAVAILABLE, CLOSED }

    private final String uuid;
    private final ConsoleServices services;
    private final TaskExecutor ui;
    private final Messages messages;
    private final VncView view = new VncView();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper vmName = new ReadOnlyStringWrapper();
    private List<HostSnapshot> hosts = List.of();
    private boolean started;
    private boolean disposed;
    /** Bumped whenever what is being connected changes; late results of older attempts are dropped. */
    private int generation;
    private VncConsoleOpener.OpenedConsole current;
    /** The host the VM was last seen running on, and that the session targets. */
    private String targetHostId;
    private int attempts;
    private ScheduledFuture<?> retry;
    /** Typed once per application session; dropped when the server refuses it. */
    private volatile char[] typedPassword;

    public ConsoleSession(String uuid, String name, ConsoleServices services, TaskExecutor ui, Messages messages) {
        this.uuid = uuid;
        this.services = services;
        this.ui = ui;
        this.messages = messages;
        this.vmName.set(name);
        view.setId("consoleView");
        services.viewSetup().accept(view);
    }

    public String uuid() {
        return uuid;
    }

    public VncView view() {
        return view;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty vmNameProperty() {
        return vmName.getReadOnlyProperty();
    }

    public boolean isStarted() {
        return started;
    }

    /** Starts connecting (first show); later calls do nothing. */
    public void start(List<HostSnapshot> latest) {
        if (started || disposed) {
            return;
        }
        started = true;
        follow(latest);
    }

    /** New host snapshots: reconnects when the VM starts, stops or moves. */
    public void follow(List<HostSnapshot> latest) {
        hosts = List.copyOf(latest);
        Location where = locate();
        where.name().ifPresent(vmName::set);
        if (!started || disposed) {
            return;
        }
        if (where.hostId() == null) {
            targetHostId = null;
            dropConnection();
            phase.set(Phase.STOPPED);
            status.set(where.state() == null ? messages.get("console.status.notFound", vmName.get())
                    : messages.get("console.status.stopped", vmName.get(), messages.get("vmState." + where.state().name())));
            view.showFailure(new IOException(status.get())); // said over the last frame too
            return;
        }
        if (where.hostId().equals(targetHostId) && phase.get() != Phase.STOPPED && phase.get() != Phase.IDLE) {
            return; // connected, connecting, retrying or known-unavailable there already
        }
        targetHostId = where.hostId();
        attempts = 0;
        connect();
    }

    /** The user's Reconnect: a fresh attempt where the VM runs now. */
    public void reconnect() {
        if (disposed) {
            return;
        }
        started = true;
        targetHostId = null;
        follow(hosts);
    }

    /** A passing message on the status line (replaced by the next change of state). */
    public void note(String text) {
        status.set(text);
    }

    /** Ends the session for good (tab moved to another VM, window closed). */
    public void dispose() {
        disposed = true;
        dropConnection();
        view.detach();
        phase.set(Phase.CLOSED);
    }

    private void connect() {
        dropConnection();
        int gen = generation;
        Optional<HostConnection> host = services.fleet().get(targetHostId);
        if (host.isEmpty()) {
            phase.set(Phase.STOPPED);
            status.set(messages.get("console.status.notFound", vmName.get()));
            return;
        }
        HostConnection h = host.get();
        phase.set(Phase.CONNECTING);
        String connecting = messages.get("console.status.connecting", vmName.get(), h.displayName());
        status.set(connecting);
        view.showConnecting(h.displayName());
        String name = vmName.get();
        VncListener watcher = new VncListener() {
            @Override
            public void onClosed(Optional<Throwable> error) {
                error.ifPresent(e -> ui.runOnUi(() -> lost(gen, e)));
            }
        };
        services.workers().execute(() -> {
            try {
                VncConsoleOpener.OpenedConsole opened = services.opener().open(h, uuid, () -> askPassword(name),
                        List.of(watcher));
                ui.runOnUi(() -> connected(gen, opened));
            } catch (ConsoleUnavailableException e) {
                ui.runOnUi(() -> unavailable(gen, e));
            } catch (IOException | RuntimeException e) {
                ui.runOnUi(() -> lost(gen, e));
            }
        });
    }

    private void connected(int gen, VncConsoleOpener.OpenedConsole opened) {
        if (gen != generation || disposed) {
            services.workers().execute(opened::close);
            return;
        }
        current = opened;
        attempts = 0;
        view.attach(opened.client());
        phase.set(Phase.CONNECTED);
        status.set(messages.get("console.status.connected", opened.stream().where(), opened.client().desktopName()));
    }

    private void unavailable(int gen, ConsoleUnavailableException e) {
        if (gen != generation) {
            return;
        }
        if (e.status() == ConsoleLookup.Status.NOT_LISTENING) {
            // The XML was read while QEMU was (re)starting (destroy + start between two polls): try again.
            lost(gen, e);
            return;
        }
        phase.set(Phase.UNAVAILABLE);
        status.set(messages.get("console.status.unavailable", vmName.get(), e.text().in(messages)));
        view.showFailure(e);
    }

    /** The attempt failed or the session dropped: try again while the VM runs, a bounded number of times. */
    private void lost(int gen, Throwable error) {
        if (gen != generation || disposed) {
            return;
        }
        current = null;
        String reason = Failures.message(error, messages);
        if (error instanceof VncAuthenticationException || error.getCause() instanceof VncAuthenticationException) {
            typedPassword = null;
            phase.set(Phase.CLOSED);
            status.set(messages.get("console.status.closed", reason));
            return;
        }
        if (targetHostId == null || attempts >= MAX_ATTEMPTS) {
            phase.set(Phase.CLOSED);
            status.set(messages.get("console.status.closed", reason));
            return;
        }
        attempts++;
        phase.set(Phase.RETRYING);
        status.set(messages.get("console.status.retrying", reason, attempts, MAX_ATTEMPTS));
        retry = services.workers().schedule(() -> ui.runOnUi(() -> {
            if (gen == generation && phase.get() == Phase.RETRYING) {
                Location where = locate();
                if (where.hostId() != null) {
                    targetHostId = where.hostId();
                }
                connect();
            }
        }), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** Closes the current session (off the FX thread) and makes pending results stale. */
    private void dropConnection() {
        generation++;
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        VncConsoleOpener.OpenedConsole old = current;
        current = null;
        if (old != null) {
            view.detach();
            services.workers().execute(old::close);
        }
    }

    /** Worker thread: the XML's password was absent and the server wants one. */
    private char[] askPassword(String name) {
        char[] known = typedPassword;
        if (known != null) {
            return known.clone();
        }
        char[] typed = services.passwords().password(messages.get("console.password", name));
        if (typed != null) {
            typedPassword = typed.clone();
        }
        return typed;
    }

    /** Where the VM runs: the targeted host if it still runs there, else a host where it runs (not paused first). */
    private Location locate() {
        VmState seenState = null;
        String seenName = null;
        String running = null;
        String active = null;
        for (HostSnapshot h : hosts) {
            if (!h.state().isConnected()) {
                continue;
            }
            for (VmInfo vm : h.vms()) {
                if (!vm.uuid().equals(uuid)) {
                    continue;
                }
                seenName = vm.name();
                if (!vm.state().isActive()) {
                    seenState = seenState == null ? vm.state() : seenState;
                    continue;
                }
                if (h.connectionId().equals(targetHostId)) {
                    return new Location(h.connectionId(), vm.state(), Optional.of(vm.name()));
                }
                if (vm.state() == VmState.RUNNING && running == null) {
                    running = h.connectionId();
                } else if (active == null) {
                    active = h.connectionId();
                }
            }
        }
        String chosen = running != null ? running : active;
        return new Location(chosen, chosen != null ? VmState.RUNNING : seenState, Optional.ofNullable(seenName));
    }

    /** @param hostId where to connect, null when the VM runs nowhere; state null when it is on no host */
    private record Location(String hostId, VmState state, Optional<String> name) {
    }
}
