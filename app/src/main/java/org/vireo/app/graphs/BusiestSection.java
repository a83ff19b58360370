package org.vireo.app.graphs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.stats.StatsHistory;
import org.vireo.connections.stats.StatsPoller;
import org.vireo.app.main.DetailsSection;
import org.vireo.resources.Messages;

/**
 * Fleet overview, shown when nothing is selected: the busiest VMs across all hosts by their latest CPU %
 * ("what is busy right now"). Large fleets read every VM only every few ticks, so their figures there
 * are averages over that sweep.
 */
public final class BusiestSection implements DetailsSection, StatsViewer {
    public static final int ROWS = 25;
    /** A VM not sampled for this many intervals (stopped, or between sweeps of a large fleet) is left out. */
    private static final int STALE_INTERVALS = StatsPoller.DEFAULT_SWEEP_EVERY + 2;

    /** One line of the overview. */
    public record Busy(String vm, String host, double cpuPercent, double memoryKiB) {
    }

    private final StatsFeed feed;
    private final Supplier<List<HostSnapshot>> hosts;
    private final StatFormats formats;
    private final ObservableList<Busy> rows = FXCollections.observableArrayList();
    private final TableView<Busy> table = new TableView<>(rows);
    private final BorderPane content = new BorderPane(table);

    public BusiestSection(StatsFeed feed, Supplier<List<HostSnapshot>> hosts, Messages messages) {
        this.feed = feed;
        this.formats = new StatFormats(messages);
        this.hosts = hosts;
        table.setId("busiestTable");
        table.setPlaceholder(new Label(messages.get("busiest.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text(messages.get("busiest.vm"), Busy::vm, 160));
        table.getColumns().add(text(messages.get("busiest.host"), Busy::host, 140));
        table.getColumns().add(text(messages.get("busiest.cpu"), b -> formats.percent.apply(b.cpuPercent()), 70));
        table.getColumns().add(text(messages.get("busiest.memory"), b -> formats.kib.apply(b.memoryKiB()), 90));
        content.setPadding(new Insets(8));
        content.setId("busiestSection");
        feed.addViewer(this);
        // A tab pane hides the content of the tabs not chosen through their parent: catch up when it shows again.
        ChangeListener<Boolean> shown = (o, was, visible) -> refresh();
        content.parentProperty().addListener((o, old, parent) -> {
            if (old != null) {
                old.visibleProperty().removeListener(shown);
            }
            if (parent != null) {
                parent.visibleProperty().addListener(shown);
            }
        });
    }

    private static TableColumn<Busy, String> text(String title, java.util.function.Function<Busy, String> value, double width) {
        TableColumn<Busy, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    public ObservableList<Busy> rows() {
        return rows;
    }

    @Override
    public String titleKey() {
        return "details.tab.busiest";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return host == null && vm == null;
    }

    @Override
    public void show(HostSnapshot host, VmInfo vm) {
        refresh();
    }

    /**
     * Recomputed only while its tab is on screen: a table updated behind another tab still lays out and restyles its
     * cells, and the style work left from that made every tick repaint the whole window once more. Samples older
     * than a sweep (a stopped VM) do not count.
     */
    @Override
    public void refresh() {
        if (!onScreen()) {
            return;
        }
        long since = System.currentTimeMillis() - feed.interval().toMillis() * STALE_INTERVALS;
        List<StatsHistory.Load> loads = feed.history().busiest(ROWS, since);
        Map<String, String[]> names = new HashMap<>();
        if (!loads.isEmpty()) {
            Set<String> wanted = new java.util.HashSet<>();
            loads.forEach(l -> wanted.add(l.uuid()));
            for (HostSnapshot host : hosts.get()) {
                for (VmInfo vm : host.vms()) {
                    if (wanted.contains(vm.uuid())) {
                        names.put(vm.uuid(), new String[] {vm.name(), host.displayName() != null ? host.displayName() : host.uri()});
                    }
                }
            }
        }
        List<Busy> fresh = loads.stream().filter(l -> names.containsKey(l.uuid()))
                .map(l -> new Busy(names.get(l.uuid())[0], names.get(l.uuid())[1], l.cpuPercent(), l.memoryUsedKiB()))
                .toList();
        if (!sameAsShown(fresh)) {
            rows.setAll(fresh);
        }
    }

    private boolean onScreen() {
        if (content.getScene() == null) {
            return false;
        }
        for (Node node = content; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Same rows as they read on screen (CPU jitter below the shown precision changes nothing). */
    private boolean sameAsShown(List<Busy> fresh) {
        if (fresh.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            Busy a = fresh.get(i);
            Busy b = rows.get(i);
            if (!a.vm().equals(b.vm()) || !a.host().equals(b.host())
                    || !formats.percent.apply(a.cpuPercent()).equals(formats.percent.apply(b.cpuPercent()))
                    || !formats.kib.apply(a.memoryKiB()).equals(formats.kib.apply(b.memoryKiB()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void addInterest(Set<String> uuids) {
        // Served by the periodic full sweeps; reading every VM every tick is what filtering avoids.
    }
}
