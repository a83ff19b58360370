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
 * Groups (folders) hold the hosts whose connection names that group; a group {@code parent/child} is a folder
 * inside folder {@code parent}.
 */
final class HostTreeSync {
    private final TreeItem<TreeRow> root;
    private final Map<String, TreeItem<TreeRow>> items = new HashMap<>();
    /** Folders the user collapsed, by full name; outlives the folder's item. */
    private final java.util.Set<String> collapsed = new java.util.HashSet<>();
    private InventoryFilter lastFilter;

    HostTreeSync(TreeItem<TreeRow> root) {
        this.root = root;
    }

    void update(List<HostSnapshot> hosts, Map<String, String> groupOf) {
        update(hosts, groupOf, InventoryFilter.NONE, state -> state.name());
    }

    /** Shows only the VMs the filter lets through, with their hosts and groups; other hosts are hidden. */
    void update(List<HostSnapshot> hosts, Map<String, String> groupOf, InventoryFilter filter,
                java.util.function.Function<org.vireo.connections.model.VmState, String> stateLabel) {
        Map<String, TreeItem<TreeRow>> seen = new HashMap<>();
        List<TreeItem<TreeRow>> top = new ArrayList<>();
        Map<String, List<TreeItem<TreeRow>>> grouped = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        boolean sameFilter = filter.equals(lastFilter);
        for (HostSnapshot host : hosts) {
            String group = groupOf.get(host.connectionId());
            TreeItem<TreeRow> hostItem = items.get("host:" + host.connectionId());
            if (sameFilter && hostItem != null && hostItem.getValue() instanceof TreeRow.HostRow h
                    && h.host() == host) {
                // The same snapshot under the same filter: its rows stand as they are (large fleets get one
                // batch per changed host, not a rebuild of every VM row).
                seen.put(hostItem.getValue().key(), hostItem);
                hostItem.getChildren().forEach(child -> seen.put(child.getValue().key(), child));
            } else {
                hostItem = item(new TreeRow.HostRow(host), seen, true);
                List<TreeItem<TreeRow>> vmItems = new ArrayList<>();
                host.vms().stream()
                        .filter(vm -> !filter.isActive() || filter.showsVm(host, group, vm, stateLabel))
                        .sorted(java.util.Comparator.comparing(VmInfo::name, String.CASE_INSENSITIVE_ORDER))
                        .forEach(vm -> vmItems.add(item(new TreeRow.VmRow(host.connectionId(), vm), seen, false)));
                setChildren(hostItem, vmItems);
            }
            if (filter.isActive() && hostItem.getChildren().isEmpty() && !filter.hostMatches(host, group)) {
                continue;
            }
            if (group == null || group.isBlank()) {
                top.add(hostItem);
            } else {
                grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(hostItem);
            }
        }
        List<TreeItem<TreeRow>> rootChildren = new ArrayList<>();
        Map<String, List<String>> subfolders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String path : grouped.keySet()) {
            String parent = GroupPath.parent(path).orElse(path);
            List<String> subs = subfolders.computeIfAbsent(parent, p -> new ArrayList<>());
            if (!parent.equals(path)) {
                subs.add(path);
            }
        }
        subfolders.forEach((name, subs) -> {
            List<TreeItem<TreeRow>> children = new ArrayList<>();
            for (String sub : subs) {
                TreeItem<TreeRow> subItem = folder(sub, seen);
                setChildren(subItem, grouped.get(sub));
                children.add(subItem);
            }
            children.addAll(grouped.getOrDefault(name, List.of()));
            TreeItem<TreeRow> topItem = folder(name, seen);
            setChildren(topItem, children);
            rootChildren.add(topItem);
        });
        rootChildren.addAll(top);
        setChildren(root, rootChildren);
        items.keySet().retainAll(seen.keySet());
        lastFilter = filter;
    }

    /** A folder item; a folder the user collapsed stays collapsed, also after it was emptied and refilled. */
    private TreeItem<TreeRow> folder(String path, Map<String, TreeItem<TreeRow>> seen) {
        boolean known = items.containsKey("group:" + path);
        TreeItem<TreeRow> item = item(new TreeRow.GroupRow(path), seen, !collapsed.contains(path));
        if (!known) {
            item.expandedProperty().addListener((obs, was, expanded) -> {
                if (expanded) {
                    collapsed.remove(path);
                } else {
                    collapsed.add(path);
                }
            });
        }
        return item;
    }

    /** Whether the user collapsed folder {@code path}. */
    boolean isCollapsed(String path) {
        return collapsed.contains(path);
    }

    private TreeItem<TreeRow> item(TreeRow row, Map<String, TreeItem<TreeRow>> seen, boolean expanded) {
        TreeItem<TreeRow> item = items.get(row.key());
        if (item == null) {
            item = new LiveTreeItem(row);
            item.setExpanded(expanded);
            items.put(row.key(), item);
        } else if (!item.getValue().equals(row)) {
            item.setValue(row);
        }
        seen.put(row.key(), item);
        return item;
    }

    /**
     * Changes children only where they differ, by single removals and insertions: an unchanged host costs no tree
     * events, and a VM appearing or vanishing beside the selected one keeps the selection (a wholesale replace of
     * the list clears it).
     */
    private static void setChildren(TreeItem<TreeRow> parent, List<TreeItem<TreeRow>> children) {
        javafx.collections.ObservableList<TreeItem<TreeRow>> current = parent.getChildren();
        if (current.equals(children)) {
            return;
        }
        if (current.isEmpty()) {
            // One change for a whole host's VMs: each single insertion makes the tree view recount every
            // expanded row, which a host arriving with 100 VMs into a 10,000-row tree turned into seconds.
            current.setAll(children);
            return;
        }
        java.util.Set<TreeItem<TreeRow>> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wanted.addAll(children);
        current.removeIf(item -> !wanted.contains(item));
        for (int i = 0; i < children.size(); i++) {
            TreeItem<TreeRow> want = children.get(i);
            if (i < current.size() && current.get(i) == want) {
                continue;
            }
            current.remove(want); // moved (e.g. renamed): taken out, put back in its place
            current.add(i, want);
        }
    }
}
