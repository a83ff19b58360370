package org.vireo.app.hosts;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.vireo.connections.model.HostInfo;
import org.vireo.resources.Messages;
import org.vireo.resources.Theme;
import org.vireo.resources.Units;
import org.vireo.app.dialog.CloseShortcut;

/**
 * The host table, Ganeti's {@code gnt-node list} as a window beside the main one: one sortable row per host.
 * Double-click or Enter on a row shows that host's page in the main window.
 */
public final class HostTableWindow {
    /** How often the live figures (free memory, pools) are read again while the window is open. */
    public static final Duration REFRESH = Duration.ofSeconds(10);

    private final HostTableModel model;
    private final Messages messages;
    private final Units units;
    private final Stage stage = new Stage();
    private final TableView<HostTableModel.Row> table = new TableView<>();
    /** A timer thread, not a Timeline: a running animation keeps JavaFX pulsing 60 times a second. */
    private ScheduledExecutorService refresh;

    public HostTableWindow(HostTableModel model, Messages messages, Window owner) {
        this.model = model;
        this.messages = messages;
        this.units = new Units(messages);
        table.setId("hostTable");
        table.setItems(model.rows());
        table.getColumns().addAll(
                column("hostTable.name", "colName", s -> s.summary().name(),
                        Comparator.comparing(r -> r.summary().name(), String.CASE_INSENSITIVE_ORDER)),
                column("hostTable.state", "colState", this::state, Comparator.comparing(this::state)),
                column("hostTable.memTotal", "colMemTotal", r -> units.kib(r.summary().totalMemoryKiB()),
                        Comparator.comparingLong(r -> r.summary().totalMemoryKiB())),
                column("hostTable.memFree", "colMemFree", r -> units.kib(r.summary().freeMemoryKiB()),
                        Comparator.comparingLong(r -> r.summary().freeMemoryKiB())),
                column("hostTable.storageTotal", "colStorageTotal", r -> units.bytes(r.summary().storageTotalBytes()),
                        Comparator.comparingLong(r -> r.summary().storageTotalBytes())),
                column("hostTable.storageFree", "colStorageFree", r -> units.bytes(r.summary().storageFreeBytes()),
                        Comparator.comparingLong(r -> r.summary().storageFreeBytes())),
                column("hostTable.cpus", "colCpus", r -> cpus(r.summary().info()),
                        Comparator.comparingInt(r -> r.summary().info() == null ? 0 : r.summary().info().cpus())),
                column("hostTable.vmsActive", "colVmsActive", r -> Integer.toString(r.summary().vmsActive()),
                        Comparator.comparingInt(r -> r.summary().vmsActive())),
                column("hostTable.vmsTotal", "colVmsTotal", r -> Integer.toString(r.summary().vmsTotal()),
                        Comparator.comparingInt(r -> r.summary().vmsTotal())),
                column("hostTable.hypervisor", "colHypervisor", r -> hypervisor(r.summary().info()),
                        Comparator.comparing(r -> hypervisor(r.summary().info()))),
                column("hostTable.libvirt", "colLibvirt", r -> r.summary().info() == null ? ""
                        : r.summary().info().libvirtVersion(), Comparator.comparing(r -> r.summary().info() == null
                        ? "" : r.summary().info().libvirtVersion())));
        table.setRowFactory(t -> {
            TableRow<HostTableModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open(table.getSelectionModel().getSelectedItem());
            }
        });
        Scene scene = new Scene(table, 1000, 360);
        scene.getStylesheets().add(Theme.baseStylesheet());
        stage.setScene(scene);
        stage.setTitle(messages.get("hostTable.title"));
        CloseShortcut.install(stage);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> {
            refresh.shutdownNow();
            model.dispose();
        });
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        if (refresh == null || refresh.isShutdown()) {
            refresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "vireo-host-table-refresh");
                thread.setDaemon(true);
                return thread;
            });
            refresh.scheduleWithFixedDelay(() -> Platform.runLater(model::refresh), REFRESH.toMillis(),
                    REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void open(HostTableModel.Row row) {
        model.open(row);
        if (stage.getOwner() != null && stage.getOwner() instanceof Stage owner) {
            owner.toFront();
        }
    }

    private String state(HostTableModel.Row row) {
        String text = messages.get("hostState." + row.summary().state().name());
        if (row.maintenance()) {
            text += ", " + messages.get("hostState.maintenance");
        }
        return row.problem().isEmpty() ? text : text + " — " + row.problem();
    }

    /** "16 × x86_64 (2×4×2)": CPUs, model, sockets × cores × threads. */
    static String cpus(HostInfo info) {
        return info == null ? "" : info.cpus() + " × " + info.cpuModel() + " (" + info.sockets() + "×" + info.cores()
                + "×" + info.threads() + ")";
    }

    private static String hypervisor(HostInfo info) {
        return info == null ? "" : info.hypervisor() + " " + info.hypervisorVersion();
    }

    private TableColumn<HostTableModel.Row, HostTableModel.Row> column(String key, String id,
            Function<HostTableModel.Row, String> text, Comparator<HostTableModel.Row> order) {
        TableColumn<HostTableModel.Row, HostTableModel.Row> column = new TableColumn<>(messages.get(key));
        column.setId(id);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(HostTableModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return column;
    }
}
