package org.vireo.connections.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * How to reach a target: the jump hosts in connection order (first one is reached directly), then the target.
 */
public record SshRoute(List<SshEndpoint> jumps, SshEndpoint target) {
    public SshRoute {
        jumps = List.copyOf(jumps);
    }

    /** The route to the last jump host (this route minus its target); null when there is no jump. */
    public SshRoute viaRoute() {
        if (jumps.isEmpty()) {
            return null;
        }
        return new SshRoute(jumps.subList(0, jumps.size() - 1), jumps.get(jumps.size() - 1));
    }

    /** Identity of the SSH session: every login on the way, so different routes never share a session. */
    public String key() {
        List<String> parts = new ArrayList<>();
        jumps.forEach(j -> parts.add(j.destination()));
        parts.add(target.destination());
        return String.join(" -> ", parts);
    }

    @Override
    public String toString() {
        return key();
    }
}
