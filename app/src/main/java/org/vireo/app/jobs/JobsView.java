package org.vireo.app.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.geometry.Orientation;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.vireo.app.task.TaskExecutor;
import org.vireo.resources.Messages;
import org.vireo.app.dialog.CloseShortcut;

/**
 * The FX side of the {@link JobRegistry}: a list of its jobs kept on the FX thread (for the jobs window and the
 * status-bar button), the jobs window itself, and a notification when a long or failed job ends while the main
 * window is shown.
 */
public final class JobsView {
    /** Jobs shorter than this that succeed end quietly (the panel still lists them). */
    public static final Duration NOTIFY_AFTER = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final JobRegistry registry;
    private final Messages messages;
    private final ObservableList<JobRegistry.Job> jobs = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final java.util.function.Supplier<Window> owner;
    private Stage stage;

    /** @param owner the main window: notifications show over it, and only while it is shown */
    public JobsView(JobRegistry registry, Messages messages, TaskExecutor ui, java.util.function.Supplier<Window> owner) {
        this.registry = registry;
        this.messages = messages;
        this.owner = owner;
        registry.addListener(job -> ui.runOnUi(() -> changed(job)));
        refresh();
    }

    private void changed(JobRegistry.Job job) {
        refresh();
        // A job whose own window still shows its end (the migration dialog, the bulk view) needs no notification.
        if (!job.running() && job.worthNotifying(NOTIFY_AFTER) && !registry.shownInOwnView(job.id())) {
            notifyEnd(job);
        }
    }

    private void refresh() {
        jobs.setAll(registry.jobs());
        running.set(registry.runningCount());
    }

    private void notifyEnd(JobRegistry.Job job) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        boolean failed = job.state() == JobRegistry.State.FAILED;
        Notifications note = Notifications.create().owner(window).title(job.title())
                .text(failed ? messages.get("jobs.notify.failed", job.error()) : job.result())
                .hideAfter(javafx.util.Duration.seconds(failed ? 12 : 6))
                .onAction(e -> show());
        if (failed) {
            note.showError();
        } else {
            note.showInformation();
        }
    }

    /** The registry's jobs, newest first, updated on the FX thread. */
    public ObservableList<JobRegistry.Job> jobs() {
        return FXCollections.unmodifiableObservableList(jobs);
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The status-bar button: how many jobs run; opens the jobs window. */
    public Button statusButton() {
        Button button = new Button();
        button.setId("jobsButton");
        button.getStyleClass().add("jobs-button");
        button.textProperty().bind(Bindings.createStringBinding(() -> messages.get("jobs.button", running.get()), running));
        button.setOnAction(e -> show());
        return button;
    }

    /** Opens the jobs window, or brings the open one to the front. */
    public Stage show() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return stage;
        }
        stage = new Stage();
        Window window = owner.get();
        if (window != null) {
            stage.initOwner(window);
        }
        stage.setTitle(messages.get("jobs.title"));
        CloseShortcut.install(stage);
        stage.setScene(new Scene(content(), 820, 420));
        stage.show();
        return stage;
    }

    private BorderPane content() {
        TableView<JobRegistry.Job> table = new TableView<>(jobs);
        table.setId("jobsTable");
        table.setPlaceholder(new Label(messages.get("jobs.empty")));
        table.getColumns().add(column("jobs.column.job", 260, j -> j.title()));
        table.getColumns().add(column("jobs.column.state", 90, j -> messages.get("jobs.state." + j.state().name())));
        TableColumn<JobRegistry.Job, JobRegistry.Job> progress = new TableColumn<>(messages.get("jobs.column.progress"));
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new ProgressCell());
        progress.setPrefWidth(110);
        table.getColumns().add(progress);
        table.getColumns().add(column("jobs.column.started", 80, j -> TIME.format(j.started())));
        table.getColumns().add(column("jobs.column.duration", 85, j -> seconds(j.elapsed(j.finished() == null
                ? Instant.now() : j.finished()))));
        table.getColumns().add(column("jobs.column.result", 260, j -> j.state() == JobRegistry.State.FAILED
                ? firstLine(j.error()) : j.running() ? j.detail() : j.result()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TextArea details = new TextArea();
        details.setId("jobDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText(messages.get("jobs.details.prompt"));
        long[] shownId = {-1};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                shownId[0] = now.id();
                details.setText(describe(now));
            }
        });
        // Each change replaces the rows with fresh values: keep the same job selected and its details current.
        jobs.addListener((javafx.collections.ListChangeListener<JobRegistry.Job>) c -> jobs.stream()
                .filter(j -> j.id() == shownId[0]).findFirst().ifPresent(table.getSelectionModel()::select));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        Button close = new Button(messages.get("common.close"));
        close.setId("jobsClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        BorderPane bottom = new BorderPane();
        bottom.setRight(close);
        BorderPane pane = new BorderPane(split, null, null, bottom, null);
        pane.setId("jobsView");
        pane.setPadding(new Insets(10));
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        return pane;
    }

    /** Everything the panel knows of one job, for the details area (and to copy from). */
    String describe(JobRegistry.Job j) {
        StringBuilder text = new StringBuilder(j.title()).append('\n')
                .append(messages.get("jobs.state." + j.state().name()));
        if (!j.result().isEmpty()) {
            text.append('\n').append(j.result());
        } else if (!j.detail().isEmpty()) {
            text.append('\n').append(j.detail());
        }
        if (!j.error().isEmpty()) {
            text.append("\n\n").append(j.error());
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut) + " \u2026";
    }

    private String seconds(Duration d) {
        return messages.get("jobs.duration", d.toMillis() / 1000.0);
    }

    private TableColumn<JobRegistry.Job, String> column(String key, double width,
                                                       java.util.function.Function<JobRegistry.Job, String> value) {
        TableColumn<JobRegistry.Job, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A bar for running jobs (indeterminate while the fraction is unknown); empty once finished. */
    private static final class ProgressCell extends TableCell<JobRegistry.Job, JobRegistry.Job> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(JobRegistry.Job job, boolean empty) {
            super.updateItem(job, empty);
            if (empty || job == null || !job.running()) {
                setGraphic(null);
            } else {
                bar.setProgress(job.progress() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : job.progress());
                setGraphic(bar);
            }
        }
    }
}
