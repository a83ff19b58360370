package org.vireo.wizards.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.EvacuationPlanner;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.MigrationRequest;
import org.vireo.connections.migration.MigrationTargets;
import org.vireo.connections.migration.MigrationTransport;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/**
 * Evacuating a host: a plan that spreads its running VMs over the other hosts (by free memory, then load),
 * editable per VM, then the migrations one after another with a status per VM and a summary.
 */
public final class EvacuationViewModel {
    /** One VM of the plan: where it goes (editable; null = stays) and how it went. */
    public static final class Line {
        private final VmInfo vm;
        private final ObjectProperty<HostConnection> target = new SimpleObjectProperty<>();
        private final StringProperty status = new SimpleStringProperty("");

        Line(VmInfo vm, HostConnection target) {
            this.vm = vm;
            this.target.set(target);
        }

        public VmInfo vm() { return vm; }
        public ObjectProperty<HostConnection> targetProperty() { return target; }
        public StringProperty statusProperty() { return status; }
    }

    private final Migrator migrator;
    private final HostConnection host;
    private final Consumer<Runnable> uiThread;
    private final Messages messages;
    private final MigrationOptions baseOptions;
    private final ObservableList<HostConnection> targets = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final StringProperty migrationUri = new SimpleStringProperty(this, "migrationUri");
    private final StringProperty listenAddress = new SimpleStringProperty(this, "listenAddress");

    /**
     * @param hosts       every host of the session not in maintenance; those that can take VMs become targets
     * @param baseOptions the options each live migration uses (migration address and the like)
     */
    public EvacuationViewModel(Migrator migrator, HostConnection host, List<HostConnection> hosts,
                               MigrationOptions baseOptions, Consumer<Runnable> uiThread, Messages messages) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.host = Objects.requireNonNull(host, "host");
        this.uiThread = uiThread;
        this.messages = messages;
        this.baseOptions = baseOptions.withMode(MigrationMode.LIVE);
        migrationUri.set(baseOptions.migrationUri());
        listenAddress.set(baseOptions.listenAddress());
        targets.setAll(MigrationTargets.candidates(host, hosts));
    }

    /** Reads every target's free memory (on its own thread), then makes the plan; completes on the FX thread. */
    public CompletableFuture<Void> plan() {
        List<VmInfo> running = host.snapshot().vms().stream().filter(v -> v.state().isActive()).toList();
        List<CompletableFuture<EvacuationPlanner.Capacity>> reads = new ArrayList<>();
        for (HostConnection t : targets) {
            reads.add(t.call(conn -> new EvacuationPlanner.Capacity(t.id(), conn.getFreeMemory() / 1024, load(t.snapshot()))));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> uiThread.accept(() -> {
            List<EvacuationPlanner.Capacity> capacities = reads.stream().filter(r -> !r.isCompletedExceptionally())
                    .map(CompletableFuture::join).toList();
            lines.setAll(EvacuationPlanner.plan(running, capacities).stream()
                    .map(m -> new Line(m.vm(), m.targetId().flatMap(id -> targets.stream().filter(t -> t.id().equals(id))
                            .findFirst()).orElse(null)))
                    .toList());
            lines.forEach(l -> l.statusProperty().set(l.targetProperty().get() == null
                    ? messages.get("evacuate.noTarget") : messages.get("evacuate.pending")));
            done.complete(null);
        }));
        return done;
    }

    /** vCPUs of running guests per host CPU: a rough load where no statistics are at hand. */
    static double load(HostSnapshot s) {
        int cpus = s.info() == null || s.info().cpus() == 0 ? 1 : s.info().cpus();
        return s.vms().stream().filter(v -> v.state().isActive()).mapToInt(VmInfo::vcpus).sum() / (double) cpus;
    }

    /** Migrates the planned VMs one after another; completes (on the FX thread) with how many moved. */
    public CompletableFuture<Integer> run() {
        MigrationOptions options = baseOptions.transport() == MigrationTransport.TUNNELLED ? baseOptions
                : baseOptions.withAddresses(migrationUri.get(), listenAddress.get());
        running.set(true);
        List<Line> planned = lines.stream().filter(l -> l.targetProperty().get() != null).toList();
        String stays = messages.get("evacuate.stays", MigrationTargets.label(host.snapshot()));
        lines.stream().filter(l -> l.targetProperty().get() == null && !l.statusProperty().get().equals(
                messages.get("evacuate.noTarget"))).forEach(l -> l.statusProperty().set(stays));
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
        for (Line line : planned) {
            chain = chain.thenCompose(moved -> migrate(line, options).thenApply(ok -> ok ? moved + 1 : moved));
        }
        return chain.whenComplete((moved, error) -> uiThread.accept(() -> {
            running.set(false);
            finished.set(true);
            summary.set(messages.get("evacuate.summary", moved == null ? 0 : moved, lines.size()));
        }));
    }

    private CompletableFuture<Boolean> migrate(Line line, MigrationOptions options) {
        HostConnection target = line.targetProperty().get();
        uiThread.accept(() -> line.statusProperty().set(messages.get("evacuate.running")));
        return migrator.start(new MigrationRequest(line.vm().uuid(), host, target, options),
                        p -> uiThread.accept(() -> line.statusProperty().set(p.fraction() < 0
                                ? messages.get("evacuate.running")
                                : messages.get("evacuate.progress", Math.round(p.fraction() * 100))))).result()
                .handle((result, error) -> {
                    uiThread.accept(() -> line.statusProperty().set(error == null
                            ? messages.get("evacuate.done", MigrationTargets.label(target.snapshot()))
                            : messages.get("evacuate.failed", MigrationErrors.describe(error, messages))));
                    return error == null;
                });
    }

    public HostConnection host() { return host; }
    /** Where each destination's QEMU listens for the memory (direct and peer to peer); blank = libvirt's choice. */
    public StringProperty migrationUriProperty() { return migrationUri; }
    public StringProperty listenAddressProperty() { return listenAddress; }
    /** Tunnelled migrations carry the memory inside libvirt's connection: no addresses apply. */
    public boolean addressesApply() { return baseOptions.transport() != MigrationTransport.TUNNELLED; }
    public ObservableList<HostConnection> targets() { return targets; }
    public ObservableList<Line> lines() { return lines; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
