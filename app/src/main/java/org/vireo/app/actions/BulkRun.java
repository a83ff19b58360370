package org.vireo.app.actions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.resources.Messages;

/**
 * One command on many VMs at once: every VM's call starts at once (each on its host's own thread) and its result
 * lands in its row. The progress view shows the rows; {@link #finishedProperty()} counts the ones done.
 */
public final class BulkRun {
    public enum Status { RUNNING, DONE, FAILED }

    /** One VM's row: its name and host, its status and (for failures) the reason. */
    public static final class Item {
        private final VmTarget target;
        private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.RUNNING);
        private final StringProperty message = new SimpleStringProperty("");

        Item(VmTarget target) {
            this.target = target;
        }

        public VmTarget target() {
            return target;
        }

        public ReadOnlyObjectProperty<Status> statusProperty() {
            return status;
        }

        public ReadOnlyStringProperty messageProperty() {
            return message;
        }
    }

    private final String title;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final IntegerProperty finished = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();

    private BulkRun(String title) {
        this.title = title;
    }

    /**
     * Starts {@code call} on every target; results come back through {@code ui}, failures said in {@code messages}'
     * language. Call on the UI thread.
     */
    public static BulkRun start(String title, List<VmTarget> targets, Function<VmTarget, CompletableFuture<Void>> call,
                                TaskExecutor ui, Messages messages) {
        BulkRun run = new BulkRun(title);
        for (VmTarget target : targets) {
            Item item = new Item(target);
            run.items.add(item);
        }
        for (Item item : List.copyOf(run.items)) {
            CompletableFuture<Void> future;
            try {
                future = call.apply(item.target);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            ui.whenDone(future, ok -> run.finish(item, Status.DONE, ""),
                    error -> run.finish(item, Status.FAILED, Failures.message(error, messages)));
        }
        return run;
    }

    private void finish(Item item, Status status, String message) {
        item.status.set(status);
        item.message.set(message);
        if (status == Status.FAILED) {
            failed.set(failed.get() + 1);
        }
        finished.set(finished.get() + 1);
    }

    public String title() {
        return title;
    }

    public ObservableList<Item> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ReadOnlyIntegerProperty finishedProperty() {
        return finished;
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed;
    }

    public boolean isComplete() {
        return finished.get() == items.size();
    }
}
