package org.vireo.app.graphs;

import java.util.Set;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import org.vireo.app.main.LiveTreeItem;
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
        TreeTableColumn<TreeRow, CpuSubject> cpu = new TreeTableColumn<>(messages.get("column.cpu"));
        cpu.setId(CPU_COLUMN_ID);
        String widest = widestPercent(messages);
        // Wide enough for the sparkline and "100.0 %" (the cell's padding and border around them) at any window size.
        double needed = Math.ceil(CpuGraphic.widthFor(Font.getDefault(), widest) + Font.getDefault().getSize() / 2 + 2);
        cpu.setMinWidth(needed);
        cpu.setPrefWidth(Math.max(120, needed));
        cpu.setSortable(false);
        cpu.setCellValueFactory(cell -> LiveTreeItem.cellValue(cell, CpuSubject::of));
        StatFormats formats = new StatFormats(messages);
        cpu.setCellFactory(column -> new CpuCell(feed, formats, widest));
        tree.getColumns().add(Math.min(2, tree.getColumns().size()), cpu);
        for (TreeTableColumn<TreeRow, ?> column : tree.getColumns()) {
            if (MEMORY_COLUMN_ID.equals(column.getId())) {
                Units units = new Units(messages); // one for the column: it keeps the units' patterns filled in
                ((TreeTableColumn<TreeRow, String>) column).setCellFactory(c -> new MemoryCell(feed, units));
            }
        }
    }

    /** The widest CPU figure a cell makes room for: 100 with a decimal, as the user's language writes it. */
    static String widestPercent(Messages messages) {
        return messages.get("unit.percent", String.format(messages.bundle().getLocale(), "%.1f", 100.0));
    }

    /**
     * Whose CPU a cell draws: a VM (its UUID, whether it runs) or a host (its connection id); null for folders. The
     * cell compares it with what it drew on every update; a whole host row would compare the host's every VM. Its
     * equals is written out, as {@code HostTreeView.NameAndState}'s is (the cell's hot path).
     */
    record CpuSubject(String id, boolean host, boolean running) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CpuSubject drawn
                    && host == drawn.host && running == drawn.running && java.util.Objects.equals(id, drawn.id);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(id) * 4 + (host ? 2 : 0) + (running ? 1 : 0);
        }

        static CpuSubject of(TreeRow row) {
            if (row instanceof TreeRow.VmRow vm) {
                return new CpuSubject(vm.vm().uuid(), false, vm.vm().state().isActive());
            } else if (row instanceof TreeRow.HostRow host) {
                return new CpuSubject(host.host().connectionId(), true, true);
            }
            return null;
        }
    }

    /**
     * Sparkline plus "6.3 %"; for VMs and hosts, blank for groups. The cell keeps one {@link CpuGraphic} and no text
     * of its own, so a tick redraws it in place (see there); unknown samples show the last known value.
     */
    static final class CpuCell extends TreeTableCell<TreeRow, CpuSubject> implements StatsViewer {
        private final StatsFeed feed;
        private final StatFormats formats;
        private final CpuGraphic graphic;
        private int drawn;

        CpuCell(StatsFeed feed, StatFormats formats, String widest) {
            this.feed = feed;
            this.formats = formats;
            this.graphic = new CpuGraphic(widest);
            getStyleClass().add("cpu-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setGraphic(graphic);
            feed.addWeakViewer(this);
        }

        @Override
        protected void updateItem(CpuSubject subject, boolean empty) {
            super.updateItem(subject, empty);
            refresh();
        }

        @Override
        public void refresh() {
            CpuSubject subject = isEmpty() ? null : getItem();
            StatsHistory history = feed.history();
            if (subject != null && !subject.host()) {
                String uuid = subject.id();
                drawn = graphic.sparkline().draw(dst -> history.copy(uuid, VmMetric.CPU_PERCENT, dst));
                graphic.setValue(drawn == 0 || !subject.running() ? ""
                        : formats.percent.apply(history.latestKnown(uuid, VmMetric.CPU_PERCENT)));
            } else if (subject != null) {
                String id = subject.id();
                drawn = graphic.sparkline().draw(dst -> history.copyHost(id, HostMetric.CPU_PERCENT, dst));
                graphic.setValue(drawn == 0 ? "" : formats.percent.apply(history.latestKnownHost(id, HostMetric.CPU_PERCENT)));
            } else {
                drawn = graphic.sparkline().draw(dst -> 0);
                graphic.setValue("");
            }
        }

        @Override
        public void addInterest(Set<String> uuids) {
            CpuSubject subject = isEmpty() ? null : getItem();
            if (subject != null && !subject.host() && isVisible()
                    && getTableRow() != null && getTableRow().isVisible()) {
                uuids.add(subject.id());
            }
        }

        /** Samples in the sparkline as last drawn (tests). */
        int drawnSamples() {
            return drawn;
        }

        /** The graphic with the sparkline and the value (tests). */
        CpuGraphic cpuGraphic() {
            return graphic;
        }
    }

    /** VM rows as before (their memory); host rows "used / total" from the latest host sample that knew them. */
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
                double used = feed.history().latestKnownHost(id, HostMetric.MEMORY_USED_KIB);
                double total = feed.history().latestKnownHost(id, HostMetric.MEMORY_TOTAL_KIB);
                if (!Double.isNaN(used) && !Double.isNaN(total) && host.host().state().isConnected()) {
                    show(units.kib((long) used) + " / " + units.kib((long) total));
                    return;
                }
            }
            show(isEmpty() ? null : getItem());
        }

        /** A tick formats a new but often equal string: only a changed one is set, as a new text lays out the tree. */
        private void show(String text) {
            if (!java.util.Objects.equals(text, getText())) {
                setText(text);
            }
        }

        @Override
        public void addInterest(Set<String> uuids) {
            // Host figures come with every host read; nothing per VM.
        }
    }
}
