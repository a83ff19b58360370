package org.vireo.wizards.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.migration.MigrationCancelledException;
import org.vireo.connections.migration.MigrationJob;
import org.vireo.connections.migration.MigrationMode;
import org.vireo.connections.migration.MigrationOptions;
import org.vireo.connections.migration.MigrationProgress;
import org.vireo.connections.migration.MigrationRequest;
import org.vireo.connections.migration.MigrationResult;
import org.vireo.connections.migration.MigrationTargets;
import org.vireo.connections.migration.MigrationTransport;
import org.vireo.connections.migration.Migrator;
import org.vireo.connections.migration.PrecheckProblem;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Localized;
import org.vireo.resources.Messages;

/**
 * The migration dialog's state: destination and options (with the VM's state deciding live or offline),
 * the pre-check results for the current choice (re-run off the FX thread whenever it changes), then the
 * running job's progress, Cancel, and the result. Runs on the FX thread; the engine works elsewhere.
 */
public final class MigrationViewModel {
    /** Where the dialog is: choosing, migrating, or done (successfully or not). */
    public enum Phase { SETUP, RUNNING, DONE }

    private final Migrator migrator;
    private final HostConnection source;
    private final VmInfo vm;
    private final Consumer<Runnable> uiThread;
    private final Messages messages;

    private final ObservableList<HostConnection> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<HostConnection> destination = new SimpleObjectProperty<>(this, "destination");
    private final ObjectProperty<MigrationMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final BooleanProperty persist = new SimpleBooleanProperty(this, "persist", true);
    private final BooleanProperty undefineSource = new SimpleBooleanProperty(this, "undefineSource", true);
    private final BooleanProperty copyStorage = new SimpleBooleanProperty(this, "copyStorage");
    private final ObjectProperty<MigrationTransport> transport = new SimpleObjectProperty<>(this, "transport",
            MigrationTransport.DIRECT);
    private final StringProperty migrationUri = new SimpleStringProperty(this, "migrationUri", "");
    private final StringProperty listenAddress = new SimpleStringProperty(this, "listenAddress", "");
    private final StringProperty bandwidth = new SimpleStringProperty(this, "bandwidth", "");
    private final StringProperty maxDowntime = new SimpleStringProperty(this, "maxDowntime", "");
    private final BooleanProperty autoConverge = new SimpleBooleanProperty(this, "autoConverge");
    private final BooleanProperty postCopy = new SimpleBooleanProperty(this, "postCopy");
    private final BooleanProperty dontAskAgain = new SimpleBooleanProperty(this, "dontAskAgain");

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.SETUP);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", "");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(this, "succeeded");

    private long generation;
    private MigrationJob job;

    /**
     * @param hosts    every host of the session; the destinations are those that can take the VM
     * @param uiThread hands results back to the FX thread ({@code Platform::runLater}; tests pass {@code Runnable::run})
     */
    public MigrationViewModel(Migrator migrator, HostConnection source, VmInfo vm, List<HostConnection> hosts,
                              Consumer<Runnable> uiThread, Messages messages) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.source = Objects.requireNonNull(source, "source");
        this.vm = Objects.requireNonNull(vm, "vm");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.messages = Objects.requireNonNull(messages, "messages");
        destinations.setAll(MigrationTargets.candidates(source, hosts));
        mode.set(vm.state().isActive() ? MigrationMode.LIVE : MigrationMode.OFFLINE);
        if (!destinations.isEmpty()) {
            destination.set(destinations.get(0));
        }
        for (var p : List.of(destination, mode, persist, undefineSource, copyStorage, transport, migrationUri,
                listenAddress, bandwidth, maxDowntime, autoConverge, postCopy)) {
            p.addListener((obs, old, now) -> recheck());
        }
    }

    /** Takes the options the user chose last time (keeps this VM's mode). */
    public void apply(MigrationOptions o) {
        persist.set(o.persistOnDestination());
        undefineSource.set(o.undefineSource());
        copyStorage.set(o.copyStorage());
        transport.set(o.transport());
        migrationUri.set(o.migrationUri() == null ? "" : o.migrationUri());
        listenAddress.set(o.listenAddress() == null ? "" : o.listenAddress());
        bandwidth.set(o.bandwidthMiBs() == 0 ? "" : Long.toString(o.bandwidthMiBs()));
        maxDowntime.set(o.maxDowntimeMs() == 0 ? "" : Long.toString(o.maxDowntimeMs()));
        autoConverge.set(o.autoConverge());
        postCopy.set(o.postCopy());
    }

    /** Pre-selects a destination (e.g. the host a VM was dropped on) when it is one of the candidates. */
    public void selectDestination(String connectionId) {
        destinations.stream().filter(h -> h.id().equals(connectionId)).findFirst().ifPresent(destination::set);
    }

    /** The options as set, or a message naming the field that is wrong. */
    public OptionsOrError options() {
        long mibs;
        long downtime;
        try {
            mibs = parseCount(bandwidth.get());
        } catch (NumberFormatException e) {
            return OptionsOrError.error(messages.get("migrate.error.bandwidth", bandwidth.get()));
        }
        try {
            downtime = parseCount(maxDowntime.get());
        } catch (NumberFormatException e) {
            return OptionsOrError.error(messages.get("migrate.error.downtime", maxDowntime.get()));
        }
        try {
            boolean tunnelled = transport.get() == MigrationTransport.TUNNELLED;
            return OptionsOrError.of(new MigrationOptions(mode.get(), persist.get() || mode.get() == MigrationMode.OFFLINE,
                    undefineSource.get(), copyStorage.get(), transport.get(), tunnelled ? null : migrationUri.get(),
                    tunnelled ? null : listenAddress.get(), mibs, downtime, autoConverge.get(), postCopy.get()));
        } catch (IllegalArgumentException e) {
            return OptionsOrError.error(Localized.describe(e, messages));
        }
    }

    /** The options, or why they cannot be used. */
    public record OptionsOrError(Optional<MigrationOptions> options, String error) {
        static OptionsOrError of(MigrationOptions o) {
            return new OptionsOrError(Optional.of(o), null);
        }

        static OptionsOrError error(String message) {
            return new OptionsOrError(Optional.empty(), message);
        }
    }

    private static long parseCount(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        long v = Long.parseLong(t);
        if (v < 0) {
            throw new NumberFormatException("negative");
        }
        return v;
    }

    /**
     * Runs the pre-checks for the current choice; results that arrive after a newer change are dropped. The
     * future completes once the results are shown.
     */
    public CompletableFuture<Void> recheck() {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        if (phase.get() != Phase.SETUP) {
            shown.complete(null);
            return shown;
        }
        long mine = ++generation;
        canStart.set(false);
        HostConnection dest = destination.get();
        if (dest == null) {
            problems.setAll(messages.get("migrate.noDestination"));
            checking.set(false);
            shown.complete(null);
            return shown;
        }
        OptionsOrError o = options();
        if (o.options().isEmpty()) {
            problems.setAll(o.error());
            checking.set(false);
            shown.complete(null);
            return shown;
        }
        checking.set(true);
        problems.clear();
        migrator.prechecks().run(new MigrationRequest(vm.uuid(), source, dest, o.options().get()))
                .whenComplete((found, error) -> uiThread.accept(() -> {
                    try {
                        show(mine, found, error);
                    } finally {
                        shown.complete(null);
                    }
                }));
        return shown;
    }

    private void show(long checkGeneration, List<PrecheckProblem> found, Throwable error) {
        if (checkGeneration != generation) {
            return; // a newer choice is being checked
        }
        checking.set(false);
        if (error != null) {
            problems.setAll(MigrationErrors.describe(error, messages));
            return;
        }
        problems.setAll(found.stream().map(p -> p.message(messages)).toList());
        canStart.set(found.isEmpty());
    }

    /** Starts the migration (when the pre-checks passed); progress and the result arrive on the FX thread. */
    public CompletableFuture<MigrationResult> start() {
        OptionsOrError o = options();
        if (!canStart.get() || o.options().isEmpty() || destination.get() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the pre-checks have not passed"));
        }
        phase.set(Phase.RUNNING);
        canStart.set(false);
        progressText.set(messages.get("migrate.starting"));
        HostConnection dest = destination.get();
        job = migrator.start(new MigrationRequest(vm.uuid(), source, dest, o.options().get()),
                p -> uiThread.accept(() -> showProgress(p)));
        // Callers see the end once the dialog's state shows it (at once when the UI thread is the caller's).
        return job.result().whenComplete((result, error) -> uiThread.accept(() -> finish(dest, result, error)));
    }

    public void cancel() {
        if (job != null && phase.get() == Phase.RUNNING) {
            progressText.set(messages.get("migrate.cancelling"));
            job.cancel();
        }
    }

    private void showProgress(MigrationProgress p) {
        if (phase.get() != Phase.RUNNING) {
            return;
        }
        progress.set(p.fraction());
        progressText.set(messages.get("migrate.progress", mib(p.dataProcessed()), mib(p.dataRemaining()),
                mib(p.dataTotal()), p.memoryDirtyRate() < 0 ? "?" : Long.toString(p.memoryDirtyRate()),
                p.expectedDowntimeMs() < 0 ? "?" : Long.toString(p.expectedDowntimeMs())));
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : Long.toString(bytes / (1024 * 1024));
    }

    private void finish(HostConnection dest, MigrationResult result, Throwable error) {
        phase.set(Phase.DONE);
        if (error == null) {
            progress.set(1);
            succeeded.set(true);
            resultText.set(messages.get(result.mode() == MigrationMode.LIVE ? "migrate.done.live" : "migrate.done.offline",
                    vm.name(), MigrationTargets.label(dest.snapshot()), String.format(java.util.Locale.ROOT, "%.1f",
                            result.elapsed().toMillis() / 1000.0)));
        } else {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            succeeded.set(false);
            resultText.set(cause instanceof MigrationCancelledException
                    ? messages.get("migrate.cancelled", vm.name(), MigrationTargets.label(source.snapshot()))
                    : messages.get("migrate.failed", MigrationErrors.describe(cause, messages)));
        }
    }

    public VmInfo vm() { return vm; }
    public HostConnection source() { return source; }
    public ObservableList<HostConnection> destinations() { return destinations; }
    public ObjectProperty<HostConnection> destinationProperty() { return destination; }
    public ObjectProperty<MigrationMode> modeProperty() { return mode; }
    public BooleanProperty persistProperty() { return persist; }
    public BooleanProperty undefineSourceProperty() { return undefineSource; }
    public BooleanProperty copyStorageProperty() { return copyStorage; }
    public ObjectProperty<MigrationTransport> transportProperty() { return transport; }
    public StringProperty migrationUriProperty() { return migrationUri; }
    public StringProperty listenAddressProperty() { return listenAddress; }
    public StringProperty bandwidthProperty() { return bandwidth; }
    public StringProperty maxDowntimeProperty() { return maxDowntime; }
    public BooleanProperty autoConvergeProperty() { return autoConverge; }
    public BooleanProperty postCopyProperty() { return postCopy; }
    public BooleanProperty dontAskAgainProperty() { return dontAskAgain; }
    public ObservableList<String> problems() { return problems; }
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canStartProperty() { return canStart.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultTextProperty() { return resultText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty succeededProperty() { return succeeded.getReadOnlyProperty(); }
}
