package org.vireo.app.main;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;

/**
 * Keeps the tree's items in step with the host snapshots: items are reused by key, so a refresh
 * neither collapses hosts nor loses the selection, and unchanged rows are left alone.
 * Groups (folders) hold the hosts whose connection names that group.
 */
final class HostTreeSync {
    private final TreeItem<TreeRow> root;
    private final Map<String, TreeItem<TreeRow>> items = new HashMap<>();

    HostTreeSync(TreeItem<TreeRow> root) {
        this.root = root;
    }

    void update(List<HostSnapshot> hosts, Map<String, String> groupOf) {
        Map<String, TreeItem<TreeRow>> seen = new HashMap<>();
        List<TreeItem<TreeRow>> top = new ArrayList<>();
        Map<String, List<TreeItem<TreeRow>>> grouped = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HostSnapshot host : hosts) {
            TreeItem<TreeRow> hostItem = items.get("host:" + host.connectionId());
            if (hostItem != null && hostItem.getValue() instanceof TreeRow.HostRow h && h.host() == host) {
                // The same snapshot as last time: its rows stand as they are (large fleets get one batch per
                // changed host, not a rebuild of every VM row).
                seen.put(hostItem.getValue().key(), hostItem);
                hostItem.getChildren().forEach(child -> seen.put(child.getValue().key(), child));
            } else {
                hostItem = item(new TreeRow.HostRow(host), seen, true);
                List<TreeItem<TreeRow>> vmItems = new ArrayList<>();
                host.vms().stream()
                        .sorted(java.util.Comparator.comparing(VmInfo::name, String.CASE_INSENSITIVE_ORDER))
                        .forEach(vm -> vmItems.add(item(new TreeRow.VmRow(host.connectionId(), vm), seen, false)));
                setChildren(hostItem, vmItems);
            }
            String group = groupOf.get(host.connectionId());
            if (group == null || group.isBlank()) {
                top.add(hostItem);
            } else {
                grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(hostItem);
            }
        }
        List<TreeItem<TreeRow>> rootChildren = new ArrayList<>();
        grouped.forEach((name, members) -> {
            TreeItem<TreeRow> groupItem = item(new TreeRow.GroupRow(name), seen, true);
            setChildren(groupItem, members);
            rootChildren.add(groupItem);
        });
        rootChildren.addAll(top);
        setChildren(root, rootChildren);
        items.keySet().retainAll(seen.keySet());
    }

    private TreeItem<TreeRow> item(TreeRow row, Map<String, TreeItem<TreeRow>> seen, boolean expanded) {
        TreeItem<TreeRow> item = items.get(row.key());
        if (item == null) {
            item = new TreeItem<>(row);
            item.setExpanded(expanded);
            items.put(row.key(), item);
        } else if (!item.getValue().equals(row)) {
            item.setValue(row);
        }
        seen.put(row.key(), item);
        return item;
    }

    /** Replaces children only when they differ, so an unchanged host costs no tree events. */
    private static void setChildren(TreeItem<TreeRow> parent, List<TreeItem<TreeRow>> children) {
        if (!parent.getChildren().equals(children)) {
            parent.getChildren().setAll(children);
        }
    }
}
