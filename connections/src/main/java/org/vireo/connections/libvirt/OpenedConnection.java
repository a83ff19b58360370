package org.vireo.connections.libvirt;

import java.util.Objects;
import org.libvirt.Connect;

/**
 * What an {@link HostConnection.Opener} hands back: the libvirt connection and whatever carries it (an SSH
 * tunnel, or nothing for libvirt's own transports). The host closes both together.
 */
public record OpenedConnection(Connect connect, Transport transport) {
    public OpenedConnection {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(transport, "transport");
    }

    /** A connection libvirt reaches by itself (local socket, tcp, tls, test driver). */
    public static OpenedConnection direct(Connect connect) {
        return new OpenedConnection(connect, Transport.NONE);
    }
}
