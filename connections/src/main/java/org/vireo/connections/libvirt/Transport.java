package org.vireo.connections.libvirt;

import java.util.function.Consumer;
import org.vireo.resources.Text;

/**
 * The link below a libvirt connection that Vireo itself keeps up (an SSH tunnel). Its loss is often noticed
 * before libvirt's keepalive notices it, so the host listens to both.
 */
public interface Transport extends AutoCloseable {

    /** Nothing to close, never lost by itself: libvirt's own transports. */
    Transport NONE = new Transport() {
        @Override
        public void onLost(Consumer<Text> listener) {
        }

        @Override
        public void close() {
        }
    };

    /** {@code listener} hears once, on any thread, with a reason for the user, if the link dies by itself. */
    void onLost(Consumer<Text> listener);

    /** Takes the link down; the host has already closed its libvirt connection. Never throws. */
    @Override
    void close();
}
