package org.vireo.app.graphs;

import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.vireo.app.main.TreeRow;
import org.vireo.connections.stats.HostMetric;
import org.vireo.connections.stats.StatsHistory;
import org.vireo.connections.stats.VmMetric;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/**
 * The host tree's stats: a CPU % column (sparkline and latest value, for VMs and hosts), and host rows'
 * memory as used / total. Cells redraw themselves on each tick; the rows they show are what a large
 * fleet reads stats for.
 */
public final class TreeStatsColumns {
    public static final String CPU_COLUMN_ID = "cpuColumn";
    public static final String MEMORY_COLUMN_ID = "memoryColumn";

    private TreeStatsColumns() {
    }

    /** Adds the CPU column after the name column and makes the memory column show host usage. */
    @SuppressWarnings("unchecked")
    public static void install(TreeTableView<TreeRow> tree, StatsFeed feed, Messages messages) {
        TreeTableColumn<TreeRow, TreeRow> cpu = new TreeTableColumn<>(messages.get("column.cpu"));
        cpu.setId(CPU_COLUMN_ID);
        cpu.setPrefWidth(120);
        cpu.setSortable(false);
        cpu.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null : cell.getValue().getValue()));
        StatFormats formats = new StatFormats(messages);
        cpu.setCellFactory(column -> new CpuCell(feed, formats));
        tree.getColumns().add(Math.min(2, tree.getColumns().size()), cpu);
        for (TreeTableColumn<TreeRow, ?> column : tree.getColumns()) {
            if (MEMORY_COLUMN_ID.equals(column.getId())) {
                ((TreeTableColumn<TreeRow, String>) column).setCellFactory(c -> new MemoryCell(feed, new Units(messages)));
            }
        }
    }

    /** Sparkline plus "6.3 %"; for VMs and hosts, empty for groups. */
    static final class CpuCell extends TreeTableCell<TreeRow, TreeRow> implements StatsViewer {
        private final StatsFeed feed;
        private final Sparkline sparkline = new Sparkline(64, 14);
        private int drawn;

        private final StatFormats formats;

        CpuCell(StatsFeed feed, StatFormats formats) {
            this.feed = feed;
            this.formats = formats;
            getStyleClass().add("cpu-cell");
            setContentDisplay(ContentDisplay.LEFT);
            feed.addWeakViewer(this);
        }

        @Override
        protected void updateItem(TreeRow row, boolean empty) {
            super.updateItem(row, empty);
            refresh();
        }

        @Override
        public void refresh() {
            TreeRow row = isEmpty() ? null : getItem();
            StatsHistory history = feed.history();
            if (row instanceof TreeRow.VmRow vm) {
                String uuid = vm.vm().uuid();
                drawn = sparkline.draw(dst -> history.copy(uuid, VmMetric.CPU_PERCENT, dst));
                setText(drawn == 0 || !vm.vm().state().isActive() ? null
                        : formats.percent.apply(history.latest(uuid, VmMetric.CPU_PERCENT)));
                setGraphic(sparkline);
            } else if (row instanceof TreeRow.HostRow host) {
                String id = host.host().connectionId();
                drawn = sparkline.draw(dst -> history.copyHost(id, HostMetric.CPU_PERCENT, dst));
                setText(drawn == 0 ? null : formats.percent.apply(history.latestHost(id, HostMetric.CPU_PERCENT)));
                setGraphic(sparkline);
            } else {
                drawn = 0;
                setText(null);
                setGraphic(null);
            }
        }

        @Override
        public void addInterest(Set<String> uuids) {
            if (!isEmpty() && getItem() instanceof TreeRow.VmRow vm && isVisible() && getTableRow() != null
                    && getTableRow().isVisible()) {
                uuids.add(vm.vm().uuid());
            }
        }

        /** Samples in the sparkline as last drawn (tests). */
        int drawnSamples() {
            return drawn;
        }
    }

    /** VM rows as before (their memory); host rows "used / total" from the latest host sample. */
    static final class MemoryCell extends TreeTableCell<TreeRow, String> implements StatsViewer {
        private final StatsFeed feed;

        private final Units units;

        MemoryCell(StatsFeed feed, Units units) {
            this.feed = feed;
            this.units = units;
            feed.addWeakViewer(this);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            refresh();
        }

        @Override
        public void refresh() {
            TreeRow row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            if (row instanceof TreeRow.HostRow host) {
                String id = host.host().connectionId();
                double used = feed.history().latestHost(id, HostMetric.MEMORY_USED_KIB);
                double total = feed.history().latestHost(id, HostMetric.MEMORY_TOTAL_KIB);
                if (!Double.isNaN(used) && !Double.isNaN(total) && host.host().state().isConnected()) {
                    setText(units.kib((long) used) + " / " + units.kib((long) total));
                    return;
                }
            }
            setText(isEmpty() ? null : getItem());
        }

        @Override
        public void addInterest(Set<String> uuids) {
            // Host figures come with every host read; nothing per VM.
        }
    }
}
