package org.vireo.app.main;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.event.Event;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;

/**
 * A host-tree item whose value changes in place: only the row and cells showing it update.
 *
 * <p>JavaFX's tree-table skin answers any item's value change by throwing away every visible row and cell and
 * building them again, CSS included. As a hundred hosts connected, that came every few pulses and stalled the
 * window for up to 0.4 s. Here the change event stops at the item; the rows follow the item's value instead (see
 * {@link #follow}), and a row given a new value has its cells read theirs again (see {@link #cellValue}).
 */
public final class LiveTreeItem extends TreeItem<TreeRow> {
    LiveTreeItem(TreeRow row) {
        super(row);
        addEventHandler(TreeItem.valueChangedEvent(), Event::consume);
    }

    /**
     * A column's cell value: {@code part} of the row as its item holds it now, a constant. A row that follows a new
     * value (see {@link #follow}) has its cells read their values again. A cell value that observed the item itself
     * subscribed to it on every cell update and unsubscribed on the next, which was a good part of a tree pulse.
     */
    public static <T> ObservableValue<T> cellValue(TreeTableColumn.CellDataFeatures<TreeRow, T> cell,
                                                   Function<TreeRow, T> part) {
        TreeItem<TreeRow> item = cell.getValue();
        if (item == null) {
            return null;
        }
        TreeRow row = item.getValue();
        return new ReadOnlyObjectWrapper<>(row == null ? null : part.apply(row));
    }

    /**
     * Makes {@code row} show its item's new value when it changes: the row's own state (its item, what its
     * {@code updateItem} derives from it) follows without a rebuild, and the row's skin then has each of its cells
     * read its value again.
     */
    static void follow(TreeTableRow<TreeRow> row, java.util.function.BiConsumer<TreeRow, Boolean> update) {
        javafx.beans.value.ChangeListener<TreeRow> onValue = (obs, old, value) -> {
            if (!row.isEmpty()) {
                update.accept(value, value == null);
            }
        };
        javafx.beans.value.WeakChangeListener<TreeRow> weak = new javafx.beans.value.WeakChangeListener<>(onValue);
        // The row holds the listener strongly; items hold it weakly, so a discarded row is not kept alive.
        row.getProperties().put(LiveTreeItem.class, onValue);
        row.treeItemProperty().addListener((obs, old, item) -> {
            if (old != null) {
                old.valueProperty().removeListener(weak);
            }
            if (item != null) {
                item.valueProperty().addListener(weak);
            }
        });
    }
}
