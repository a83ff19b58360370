package org.vireo.app.jobs;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import org.vireo.app.actions.BulkRun;
import org.vireo.app.importing.ConnectBatch;
import org.vireo.connections.migration.MigrationTargets;
import org.vireo.resources.Messages;
import org.vireo.wizards.migrate.EvacuationViewModel;
import org.vireo.wizards.migrate.MigrationViewModel;
import org.vireo.wizards.newvm.NewVmWizardViewModel;

/**
 * Reports the app's long jobs into a {@link JobRegistry} by watching the models that already run them, so the
 * call sites only hand their model over, with whether the job's own window shows it (its end then needs no
 * notification). Runs on the FX thread, where those models change.
 */
public final class JobTracking {
    private final JobRegistry jobs;
    private final Messages messages;

    public JobTracking(JobRegistry jobs, Messages messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    public JobRegistry registry() {
        return jobs;
    }

    /** A command on several VMs: done when every VM's row is; failed when any VM failed, naming each. */
    public void bulk(BulkRun run, BooleanSupplier shown) {
        JobRegistry.Handle job = jobs.start(JobRegistry.Kind.BULK, run.title(), shown);
        Runnable report = () -> {
            int size = run.items().size();
            String summary = messages.get("bulk.summary", run.finishedProperty().get(), size, run.failedProperty().get());
            if (!run.isComplete()) {
                job.progress(size == 0 ? -1 : (double) run.finishedProperty().get() / size, summary);
            } else if (run.failedProperty().get() > 0) {
                job.failed(run.items().stream().filter(i -> i.statusProperty().get() == BulkRun.Status.FAILED)
                        .map(i -> i.target().label() + ": " + i.messageProperty().get())
                        .collect(Collectors.joining("\n")), summary);
            } else {
                job.succeeded(summary);
            }
        };
        run.finishedProperty().addListener((o, was, now) -> report.run());
        report.run();
    }

    /** One migration from its dialog: a job from the moment it starts until the dialog shows its result. */
    public void migration(MigrationViewModel model, BooleanSupplier shown) {
        JobRegistry.Handle[] job = new JobRegistry.Handle[1];
        model.phaseProperty().addListener((o, was, phase) -> {
            if (phase == MigrationViewModel.Phase.RUNNING) {
                String to = model.destinationProperty().get() == null ? "?"
                        : MigrationTargets.label(model.destinationProperty().get().snapshot());
                job[0] = jobs.start(JobRegistry.Kind.MIGRATION, messages.get("jobs.title.migration", model.vm().name(), to),
                        shown);
            }
        });
        // The dialog sets its result text last, after the phase and the outcome: the job ends with it.
        model.resultTextProperty().addListener((o, was, text) -> {
            if (job[0] != null && model.phaseProperty().get() == MigrationViewModel.Phase.DONE) {
                if (model.succeededProperty().get()) {
                    job[0].succeeded(text);
                } else {
                    job[0].failed(text, "");
                }
            }
        });
        model.progressProperty().addListener((o, was, now) -> {
            if (job[0] != null) {
                job[0].progress(now.doubleValue(), model.progressTextProperty().get());
            }
        });
    }

    /** A migration started without its dialog (a drop after "don't ask again"). */
    public JobRegistry.Handle migration(String vm, String destination) {
        return jobs.start(JobRegistry.Kind.MIGRATION, messages.get("jobs.title.migration", vm, destination));
    }

    /** Evacuating a host: failed when a planned VM did not reach its target, naming each such VM. */
    public void evacuation(EvacuationViewModel model, BooleanSupplier shown) {
        JobRegistry.Handle[] job = new JobRegistry.Handle[1];
        model.runningProperty().addListener((o, was, running) -> {
            if (running && job[0] == null) {
                job[0] = jobs.start(JobRegistry.Kind.EVACUATION, messages.get("jobs.title.evacuation",
                        MigrationTargets.label(model.host().snapshot())), shown);
            }
        });
        // The summary is set last, after "finished": the job ends with it.
        model.summaryProperty().addListener((o, was, summary) -> {
            if (!model.finishedProperty().get() || job[0] == null) {
                return;
            }
            List<String> stuck = model.lines().stream().filter(l -> l.targetProperty().get() != null)
                    .filter(l -> !l.statusProperty().get().equals(messages.get("evacuate.done",
                            MigrationTargets.label(l.targetProperty().get().snapshot()))))
                    .map(l -> l.vm().name() + ": " + l.statusProperty().get()).toList();
            if (stuck.isEmpty()) {
                job[0].succeeded(summary);
            } else {
                job[0].failed(String.join("\n", stuck), summary);
            }
        });
    }

    /** The new-VM wizard's job: from "Finish" until the VM exists or the job's error shows. */
    public void newVm(NewVmWizardViewModel model, BooleanSupplier shown) {
        JobRegistry.Handle[] job = new JobRegistry.Handle[1];
        model.runningProperty().addListener((o, was, running) -> {
            if (running) {
                job[0] = jobs.start(JobRegistry.Kind.NEW_VM, messages.get("jobs.title.newVm", model.nameProperty().get()),
                        shown);
            }
        });
        model.progressProperty().addListener((o, was, text) -> {
            if (job[0] != null && !text.isEmpty()) {
                job[0].progress(-1, text);
            }
        });
        model.createdProperty().addListener((o, was, created) -> {
            if (job[0] != null && created != null) {
                job[0].succeeded(model.progressProperty().get());
            }
        });
        ChangeListener<String> failed = (o, was, error) -> {
            if (job[0] != null && !error.isEmpty()) {
                job[0].failed(error, "");
            }
        };
        model.jobErrorProperty().addListener(failed);
    }

    /** Hosts of an import (or a group's "Connect all") connecting: failed when any host failed for good. */
    public void connect(ConnectBatch batch, BooleanSupplier shown) {
        JobRegistry.Handle job = jobs.start(JobRegistry.Kind.CONNECT, messages.get("connectBatch.title", batch.size()),
                shown);
        batch.countsProperty().addListener((o, was, counts) -> job.progress(-1, counts));
        batch.finishedProperty().addListener((o, was, finished) -> {
            if (!finished) {
                return;
            }
            List<String> failures = batch.rows().stream().filter(r -> r.state() == ConnectBatch.HostState.FAILED
                    || r.state() == ConnectBatch.HostState.KEY_CHANGED)
                    .map(r -> r.name() + ": " + (r.detail().isEmpty() ? r.stateText() : r.detail())).toList();
            if (failures.isEmpty()) {
                job.succeeded(batch.countsProperty().get());
            } else {
                job.failed(String.join("\n", failures), batch.countsProperty().get());
            }
        });
    }
}
