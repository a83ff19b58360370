package org.vireo.connections.migration;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hosts in maintenance, by connection id: evacuated, and to be skipped when placing new VMs or choosing
 * migration targets until the user clears the flag. Kept for the session; safe from any thread; listeners
 * hear the new set on the thread that changed it.
 */
public final class MaintenanceHosts {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public boolean contains(String connectionId) {
        return ids.contains(connectionId);
    }

    public Set<String> ids() {
        return Set.copyOf(ids);
    }

    public void mark(String connectionId) {
        if (ids.add(connectionId)) {
            fire();
        }
    }

    public void clear(String connectionId) {
        if (ids.remove(connectionId)) {
            fire();
        }
    }

    public void addListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    private void fire() {
        Set<String> now = ids();
        listeners.forEach(l -> l.accept(now));
    }
}
