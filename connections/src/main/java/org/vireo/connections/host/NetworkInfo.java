package org.vireo.connections.host;

/** A libvirt virtual network of the host; {@code bridge} is "" when libvirt does not say. */
public record NetworkInfo(String name, boolean active, String bridge) {
}
