package org.vireo.connections.host;

/**
 * A libvirt virtual network of the host, as its XML describes it.
 *
 * @param bridge      "" when libvirt does not say (e.g. a macvtap network)
 * @param forwardMode {@code <forward mode>}: "nat", "route", "bridge", …; "" for an isolated network
 * @param ipRange     the first DHCP range ("start – end"), else the first address/prefix; "" when the XML has none
 */
public record NetworkInfo(String name, boolean active, String bridge, boolean autostart, String forwardMode,
                          String ipRange) {
    /** What the new-VM wizard needs: the rest left unknown. */
    public NetworkInfo(String name, boolean active, String bridge) {
        this(name, active, bridge, false, "", "");
    }
}
