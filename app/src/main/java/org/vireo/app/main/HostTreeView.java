package org.vireo.app.main;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.shape.Circle;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/** The host tree: groups → hosts → VMs, with state, memory and vCPU columns. Virtualized. */
public final class HostTreeView extends TreeTableView<TreeRow> {
    private final Messages messages;
    private final Units units;
    private final org.vireo.connections.migration.MaintenanceHosts maintenance;
    private ContextMenu hostMenu;
    private ContextMenu groupMenu;
    private ContextMenu vmMenu;

    public HostTreeView(MainViewModel viewModel) {
        super(new TreeItem<>(new TreeRow.GroupRow("")));
        this.messages = viewModel.messages();
        this.units = new Units(messages);
        this.maintenance = viewModel.maintenance();
        maintenance.addListener(ids -> javafx.application.Platform.runLater(this::refresh));
        setId("hostTree");
        // Modena's row height (-fx-cell-size: 2em), fixed: the tree then lays out a changed row without asking
        // every visible row for its height, which took a third of each update's layout.
        setFixedCellSize(Math.ceil(javafx.scene.text.Font.getDefault().getSize() * 2));
        setShowRoot(false);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setRowFactory(view -> new HostAwareRow());
        getColumns().add(nameColumn());
        getColumns().add(textColumn("column.state", "stateColumn", 120, this::stateText));
        getColumns().add(textColumn("column.memory", "memoryColumn", 140, this::memoryText)); // "1.2 / 256.0 GiB"
        TreeTableColumn<TreeRow, String> vcpus = textColumn("column.vcpus", "vcpuColumn", 70, this::vcpuText);
        vcpus.setMinWidth(60); // the last column gives way first when the tree is narrow: keep its header whole
        getColumns().add(vcpus);

        HostTreeSync sync = new HostTreeSync(getRoot());
        Runnable resync = () -> sync.update(viewModel.hosts(), viewModel.groupOf(), viewModel.filterProperty().get(),
                this::vmStateText);
        viewModel.hosts().addListener((ListChangeListener<HostSnapshot>) change -> resync.run());
        viewModel.filterProperty().addListener((obs, old, filter) -> resync.run());
        getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                viewModel.selectedRowProperty().set(item == null ? null : item.getValue()));
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<TreeRow>>) change ->
                viewModel.selectedRows().setAll(getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(TreeItem::getValue).toList()));
        viewModel.selectedRowProperty().addListener((obs, old, row) -> selectKey(row == null ? null : row.key()));
    }

    /** Follows a selection made by the ViewModel (e.g. a VM just created). */
    private void selectKey(String key) {
        TreeItem<TreeRow> selected = getSelectionModel().getSelectedItem();
        if (key == null || (selected != null && selected.getValue() != null && key.equals(selected.getValue().key()))) {
            return;
        }
        TreeItem<TreeRow> item = find(getRoot(), key);
        if (item != null) {
            for (TreeItem<TreeRow> parent = item.getParent(); parent != null; parent = parent.getParent()) {
                parent.setExpanded(true);
            }
            getSelectionModel().select(item);
            scrollTo(getRow(item));
        }
    }

    private static TreeItem<TreeRow> find(TreeItem<TreeRow> at, String key) {
        if (at.getValue() != null && key.equals(at.getValue().key())) {
            return at;
        }
        for (TreeItem<TreeRow> child : at.getChildren()) {
            TreeItem<TreeRow> found = find(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * What the name column shows of a row: its name and its state dot's state (null for folders). The cell
     * compares it with what it showed on every update; a whole row would compare a host's every VM. Its equals is
     * written out: a record's own is linked through method handles on first use and then re-spun as it warms up,
     * costs that fell into the first pulses that show VM rows.
     */
    record NameAndState(String name, String dotStyle) {
        @Override
        public boolean equals(Object other) {
            return other instanceof NameAndState shown
                    && java.util.Objects.equals(name, shown.name) && java.util.Objects.equals(dotStyle, shown.dotStyle);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(name) + java.util.Objects.hashCode(dotStyle);
        }
    }

    /** Name and state dot: a state change alone redraws the dot. */
    private TreeTableColumn<TreeRow, NameAndState> nameColumn() {
        TreeTableColumn<TreeRow, NameAndState> column = new TreeTableColumn<>(messages.get("column.name"));
        column.setId("nameColumn");
        column.setPrefWidth(240);
        column.setCellValueFactory(cell -> LiveTreeItem.cellValue(cell,
                row -> new NameAndState(nameText(row), StateDot.style(row))));
        column.setComparator(java.util.Comparator.comparing(NameAndState::name)); // as the text column sorted before
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final StateDot dot = new StateDot();

            @Override
            protected void updateItem(NameAndState shown, boolean empty) {
                super.updateItem(shown, empty);
                setText(empty || shown == null ? null : shown.name());
                setGraphic(empty || shown == null ? null : dot.show(shown.dotStyle()));
            }
        });
        return column;
    }

    private TreeTableColumn<TreeRow, String> textColumn(String titleKey, String id, double width,
                                                        java.util.function.Function<TreeRow, String> text) {
        TreeTableColumn<TreeRow, String> column = new TreeTableColumn<>(messages.get(titleKey));
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> LiveTreeItem.cellValue(cell, text));
        return column;
    }

    private String nameText(TreeRow row) {
        if (row instanceof TreeRow.GroupRow g) {
            return GroupPath.leaf(g.name());
        } else if (row instanceof TreeRow.HostRow h) {
            return MainViewModel.sortName(h.host());
        }
        return ((TreeRow.VmRow) row).vm().name();
    }

    private String stateText(TreeRow row) {
        if (row instanceof TreeRow.HostRow h) {
            HostSnapshot host = h.host();
            String state = hostStateWithReason(host);
            return maintenance.contains(host.connectionId())
                    ? state + " \u00b7 " + messages.get("hostState.maintenance") : state;
        } else if (row instanceof TreeRow.VmRow v) {
            return vmStateText(v.vm().state());
        }
        return "";
    }

    private String memoryText(TreeRow row) {
        if (row instanceof TreeRow.VmRow v) {
            return units.kib(v.vm().memoryKiB());
        } else if (row instanceof TreeRow.HostRow h && h.host().info() != null) {
            return units.kib(h.host().info().memoryKiB());
        }
        return "";
    }

    private String vcpuText(TreeRow row) {
        if (row instanceof TreeRow.VmRow v) {
            VmInfo vm = v.vm();
            return Integer.toString(vm.vcpus());
        } else if (row instanceof TreeRow.HostRow h && h.host().info() != null) {
            return Integer.toString(h.host().info().cpus());
        }
        return "";
    }

    /** "Connection lost: why" for hosts that are not connected and have a reason. */
    String hostStateWithReason(HostSnapshot host) {
        String state = hostStateText(host.state());
        return host.reason() == null || host.state() == ConnectionState.CONNECTED
                ? state : messages.get("hostTree.reason", state, host.reason().in(messages));
    }

    /** The menu host rows show on right-click; shares its commands with the menu bar. */
    public void setHostContextMenu(ContextMenu menu) {
        this.hostMenu = menu;
    }

    /** The menu folder rows show on right-click (the folder is selected first, the commands act on it). */
    public void setGroupContextMenu(ContextMenu menu) {
        this.groupMenu = menu;
    }

    /** The menu VM rows show on right-click (Migrate…); shares its commands with the menu bar. */
    public void setVmContextMenu(ContextMenu menu) {
        this.vmMenu = menu;
    }

    String hostStateText(ConnectionState state) {
        return messages.get("hostState." + state.name());
    }

    String vmStateText(VmState state) {
        return messages.get("vmState." + state.name());
    }

    /**
     * Host rows get the host context menu and, when the host is not connected, its full reason as a tooltip
     * (reasons such as a changed host key are longer than the column).
     */
    private final class HostAwareRow extends TreeTableRow<TreeRow> {
        /** Made on first need: a tooltip is a popup window with a scene of its own, too dear for every row. */
        private Tooltip reason;

        HostAwareRow() {
            LiveTreeItem.follow(this, this::updateItem);
            // One menu shared by all host rows, owned by the tree: a menu owned by a row closes (or never
            // opens) when a refresh recycles that row.
            setOnContextMenuRequested(e -> {
                if (!isEmpty() && getItem() instanceof TreeRow.HostRow && hostMenu != null) {
                    hostMenu.show(HostTreeView.this, e.getScreenX(), e.getScreenY());
                    e.consume();
                } else if (!isEmpty() && getItem() instanceof TreeRow.GroupRow && groupMenu != null) {
                    getTreeTableView().getSelectionModel().select(getIndex());
                    groupMenu.show(HostTreeView.this, e.getScreenX(), e.getScreenY());
                } else if (!isEmpty() && getItem() instanceof TreeRow.VmRow && vmMenu != null) {
                    vmMenu.show(HostTreeView.this, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(TreeRow item, boolean empty) {
            super.updateItem(item, empty);
            HostSnapshot host = !empty && item instanceof TreeRow.HostRow h ? h.host() : null;
            if (host != null && host.state() != ConnectionState.CONNECTED && host.reason() != null) {
                if (reason == null) {
                    reason = new Tooltip();
                    reason.setWrapText(true);
                    reason.setMaxWidth(640);
                }
                reason.setText(hostStateWithReason(host));
                setTooltip(reason);
            } else {
                setTooltip(null);
            }
        }
    }

    /**
     * One cell's state dot, reused: green running, amber paused, grey off, red crashed or lost. A row's state is a
     * pseudo-class of the dot ({@code :state-running}, {@code :host-lost}): a change of pseudo-class restyles the dot
     * from the styles it already has, where a change of style class looked its styles up again, for every dot of
     * every row the tree refilled. Cached as a bitmap, so a repaint of the row blits it instead of rasterizing the
     * circle again (the software pipeline's main cost at rest).
     */
    static final class StateDot {
        private final Circle dot = new Circle(5);
        private PseudoClass shown;

        StateDot() {
            dot.getStyleClass().add("state-dot");
            dot.setCache(true);
        }

        /** The dot's state for {@code row} ("state-running", "host-connected"), or null for rows without one (folders). */
        static String style(TreeRow row) {
            if (row instanceof TreeRow.VmRow v) {
                return "state-" + v.vm().state().name().toLowerCase(java.util.Locale.ROOT);
            } else if (row instanceof TreeRow.HostRow h) {
                return "host-" + h.host().state().name().toLowerCase(java.util.Locale.ROOT);
            }
            return null;
        }

        /** The dot showing {@code style} (see {@link #style}), or null for none. */
        Circle show(String style) {
            if (style == null) {
                return null;
            }
            PseudoClass state = PseudoClass.getPseudoClass(style);
            if (state != shown) {
                if (shown != null) {
                    dot.pseudoClassStateChanged(shown, false);
                }
                dot.pseudoClassStateChanged(state, true);
                shown = state;
            }
            return dot;
        }
    }
}
