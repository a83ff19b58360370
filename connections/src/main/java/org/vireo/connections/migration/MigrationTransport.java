package org.vireo.connections.migration;

/**
 * Who opens the connection to the destination and how the guest's memory travels.
 * <ul>
 * <li>{@link #DIRECT}: this client holds both libvirt connections (each may be SSH-tunnelled); QEMU sends
 * the memory host to host on the migration address.</li>
 * <li>{@link #PEER_TO_PEER}: the source libvirtd opens the destination URI itself (it needs its own
 * credentials for the destination); memory still goes QEMU to QEMU.</li>
 * <li>{@link #TUNNELLED}: peer to peer, and the memory travels inside the libvirtd-to-libvirtd
 * connection (no migration port to open, slower).</li>
 * </ul>
 */
public enum MigrationTransport {
    DIRECT, PEER_TO_PEER, TUNNELLED;

    public boolean isPeerToPeer() {
        return this != DIRECT;
    }
}
